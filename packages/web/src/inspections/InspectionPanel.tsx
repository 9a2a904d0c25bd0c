import type { TInspection } from '@hamkke/core';
import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api.js';
import { formatDateTime } from '../format.js';
import { notify } from '../shell/notify.js';
import { useT } from '../team/use-t.js';
import { inspectionApi } from './api.js';
import { ChecklistItem } from './ChecklistItem.js';
import './messages-register.js';

/**
 * The checklist of an inspection ticket, on its page: each item answered ok / warning / failed with a
 * note and evidence, a follow-up ticket from a failed item in one click, and completion once every
 * item is answered (the button says why it is not yet possible).
 */
export function InspectionPanel({ ticketRef, canEdit }: { ticketRef: string; canEdit: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const key = ['inspection', ticketRef];
  const inspection = useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await inspectionApi.inspection(ticketRef);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  /** Runs a change; the answer is the new checklist. The ticket and its timeline change too. */
  async function apply(action: () => Promise<TInspection>, done?: string) {
    setError(null);
    try {
      client.setQueryData(key, await action());
      if (done) notify('teal', done);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['ticket', ticketRef] }),
        client.invalidateQueries({ queryKey: ['timeline'] }),
      ]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      throw e;
    }
  }

  const data = inspection.data;
  const unanswered = data?.items.filter((i) => !i.answer) ?? [];
  const isDone = Boolean(data?.completedAt);
  const areas = data ? [...new Set(data.items.map((i) => i.area))] : [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="inspection-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="inspection-title">
          {t('inspection.panel.title')}
        </Title>
        {inspection.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {inspection.isError && (
          <Alert color="red" role="alert">
            {inspection.error.message}
          </Alert>
        )}
        {data === null && (
          <StartChecklist
            canEdit={canEdit}
            onStart={(templateId) =>
              apply(() => inspectionApi.start(ticketRef, templateId), t('inspection.panel.started'))
            }
          />
        )}
        {data && (
          <>
            <Text size="sm" c="gray.8">
              {t('inspection.panel.template', { name: data.template.name, version: data.template.version })} ·{' '}
              {t('inspection.summary', data.summary)}
            </Text>
            {areas.map((area) => (
              <Stack key={area} gap="xs" component="section" aria-label={area}>
                <Title order={3} size="h5">
                  {area}
                </Title>
                {data.items
                  .filter((i) => i.area === area)
                  .map((item) => (
                    <ChecklistItem
                      key={item.id}
                      ticketRef={ticketRef}
                      item={item}
                      canEdit={canEdit && !isDone}
                      apply={apply}
                    />
                  ))}
              </Stack>
            ))}
            {isDone && data.completedBy && (
              <Text size="sm" fw={600} c="teal.9" role="status">
                {t('inspection.panel.completedBy', {
                  name: data.completedBy.name,
                  at: formatDateTime(data.completedAt),
                })}
              </Text>
            )}
            {canEdit && !isDone && (
              <Group gap="sm" align="center">
                <Button
                  color="teal.9"
                  disabled={unanswered.length > 0}
                  loading={isBusy}
                  aria-describedby={unanswered.length > 0 ? 'inspection-why' : undefined}
                  onClick={() => {
                    setIsBusy(true);
                    apply(() => inspectionApi.complete(ticketRef), t('inspection.panel.completed'))
                      .catch(() => undefined)
                      .finally(() => setIsBusy(false));
                  }}
                >
                  {t('inspection.panel.complete')}
                </Button>
                {unanswered.length > 0 && (
                  <Text size="sm" c="gray.8" id="inspection-why">
                    {t('inspection.panel.notAnswered', {
                      count: unanswered.length,
                      items: unanswered.map((i) => i.title).join(', '),
                    })}
                  </Text>
                )}
              </Group>
            )}
          </>
        )}
        {error && (
          <Alert color="red" role="alert" variant="light" c="red.9" title={t('inspection.panel.failedSave')}>
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function StartChecklist({ canEdit, onStart }: { canEdit: boolean; onStart: (id: string) => Promise<void> }) {
  const t = useT();
  const templates = useQuery({
    queryKey: ['inspection-templates'],
    queryFn: async () => (await inspectionApi.templates()).items,
    enabled: canEdit,
  });
  const [templateId, setTemplateId] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Text size="sm" c="gray.8">
        {t('inspection.panel.noChecklist')}
      </Text>
      {canEdit && (
        <Group align="flex-end">
          <Select
            label={t('inspection.panel.startWith')}
            data={(templates.data ?? [])
              .filter((x) => x.isActive)
              .map((x) => ({ value: x.id, label: x.name }))}
            value={templateId}
            onChange={setTemplateId}
          />
          <Button
            disabled={!templateId}
            onClick={() => templateId && void onStart(templateId).catch(() => {})}
          >
            {t('inspection.panel.start')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
