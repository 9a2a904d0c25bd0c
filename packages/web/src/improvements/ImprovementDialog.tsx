import type { TImprovement, TUser } from '@hamkke/core';
import { Group, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EditDialog } from '../admin/EditDialog.js';
import { useFormErrors } from '../admin/form-errors.js';
import { ApiError, api } from '../api.js';
import { SAP_MODULES } from '../domain.js';
import { useT } from '../team/use-t.js';
import { useOrganizations } from '../tickets/queries.js';
import { improvementApi, KINDS, METRICS, ORIGINS } from './api.js';

type TKind = (typeof KINDS)[number];
type TOrigin = (typeof ORIGINS)[number];
type TMetricKind = (typeof METRICS)[number];

/** Ticket numbers typed by hand, to the ids the API links; an unknown number is refused at the field. */
async function ticketIdsOf(text: string, unknown: (n: string) => string): Promise<string[]> {
  const numbers = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  const ids: string[] = [];
  for (const n of numbers) {
    try {
      ids.push((await api.ticket(n)).id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        const message = unknown(n);
        throw new ApiError(422, {
          type: 'about:blank',
          title: message,
          status: 422,
          errors: [{ path: 'ticketIds', message }],
        });
      }
      throw error;
    }
  }
  return ids;
}

/** Creates or edits an improvement item: what, why, who, and the metric it should move. */
export function ImprovementDialog({
  item,
  staff,
  onClose,
  onSaved,
}: {
  item: TImprovement | null;
  staff: TUser[];
  onClose: () => void;
  onSaved?: (saved: TImprovement) => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const errors = useFormErrors();
  const organizations = useOrganizations();
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [kind, setKind] = useState<TKind>(item?.kind ?? 'B');
  const [origin, setOrigin] = useState<TOrigin>(item?.origin ?? 'recurring_incident');
  const [ownerId, setOwnerId] = useState<string | null>(item?.owner?.id ?? null);
  const [metricKind, setMetricKind] = useState<string>(item?.metric?.kind ?? '');
  const [organizationId, setOrganizationId] = useState(item?.metric?.organizationId ?? '');
  const [module, setModule] = useState(item?.metric?.module ?? '');
  const [target, setTarget] = useState<number | string>(item?.targetValue ?? '');
  const [tickets, setTickets] = useState((item?.tickets ?? []).map((x) => x.number).join(', '));

  async function save() {
    const ticketIds = await ticketIdsOf(tickets, (n) => t('improvement.unknownTicket', { number: n }));
    const fields = {
      title,
      description,
      kind,
      origin,
      metric: metricKind
        ? {
            kind: metricKind as TMetricKind,
            organizationId: organizationId || null,
            module: (module || null) as (typeof SAP_MODULES)[number] | null,
          }
        : null,
      targetValue: target === '' ? null : Number(target),
      ticketIds,
      articleIds: (item?.articles ?? []).map((a) => a.id),
    };
    const saved = item
      ? await improvementApi.update(item.id, { ...fields, ownerId, version: item.version })
      : await improvementApi.create({ ...fields, ...(ownerId ? { ownerId } : {}) } as Parameters<
          typeof improvementApi.create
        >[0]);
    client.setQueryData(['improvement', saved.id], saved);
    await client.invalidateQueries({ queryKey: ['improvements'] });
    onSaved?.(saved);
    return item ? t('improvement.saved') : t('improvement.created');
  }

  return (
    <EditDialog
      title={item ? t('improvement.editTitle') : t('improvement.create')}
      onClose={onClose}
      errors={errors}
      save={save}
      size="lg"
    >
      <TextInput
        label={t('improvement.field.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        error={errors.of('title')}
      />
      <Group grow>
        <Select
          label={t('improvement.field.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`improvement.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as TKind)}
          allowDeselect={false}
          error={errors.of('kind')}
        />
        <Select
          label={t('improvement.field.origin')}
          data={ORIGINS.map((o) => ({ value: o, label: t(`improvement.origin.${o}`) }))}
          value={origin}
          onChange={(v) => v && setOrigin(v as TOrigin)}
          allowDeselect={false}
          error={errors.of('origin')}
        />
        <Select
          label={t('improvement.field.owner')}
          data={staff.map((u) => ({ value: u.id, label: u.name }))}
          value={ownerId}
          onChange={setOwnerId}
          searchable
          clearable
          error={errors.of('ownerId')}
        />
      </Group>
      <Textarea
        label={t('improvement.field.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
        error={errors.of('description')}
      />
      <Group grow align="flex-start">
        <Select
          label={t('improvement.field.metric')}
          data={[
            { value: '', label: t('improvement.metric.none') },
            ...METRICS.map((m) => ({ value: m, label: t(`improvement.metric.${m}`) })),
          ]}
          value={metricKind}
          onChange={(v) => setMetricKind(v ?? '')}
          allowDeselect={false}
          error={errors.of('metric')}
        />
        <NumberInput
          label={t('improvement.field.target')}
          value={target}
          onChange={setTarget}
          decimalScale={4}
          disabled={!metricKind}
          error={errors.of('targetValue')}
        />
      </Group>
      {metricKind && (
        <Group grow>
          <Select
            label={t('improvement.field.organization')}
            data={[
              { value: '', label: t('improvement.all') },
              ...(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
            value={organizationId}
            onChange={(v) => setOrganizationId(v ?? '')}
            searchable
            allowDeselect={false}
          />
          <Select
            label={t('improvement.field.module')}
            data={[
              { value: '', label: t('improvement.all') },
              ...SAP_MODULES.map((m) => ({ value: m, label: m })),
            ]}
            value={module}
            onChange={(v) => setModule(v ?? '')}
            searchable
            allowDeselect={false}
          />
        </Group>
      )}
      <TextInput
        label={t('improvement.field.tickets')}
        description={t('improvement.field.ticketsHint')}
        value={tickets}
        onChange={(e) => setTickets(e.currentTarget.value)}
        error={errors.of('ticketIds')}
        styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
      />
    </EditDialog>
  );
}
