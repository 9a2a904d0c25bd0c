import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LEVELS, SAP_MODULES, TICKET_TYPES } from '../domain.js';
import { useOrganizations } from './queries.js';

type TLevel = (typeof LEVELS)[number];

/** A new ticket taken by phone or in person (`c` in the list). */
export function CreateTicketModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organizations = useOrganizations();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [type, setType] = useState<string>('inquiry');
  const [module, setModule] = useState<string | null>(null);
  const [impact, setImpact] = useState<TLevel>('medium');
  const [urgency, setUrgency] = useState<TLevel>('medium');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!organizationId) return;
    setIsBusy(true);
    setError(null);
    try {
      const ticket = await api.createTicket({
        organizationId,
        title,
        type: type as (typeof TICKET_TYPES)[number],
        module: (module as (typeof SAP_MODULES)[number] | null) ?? null,
        impact,
        urgency,
        description,
        channel: 'phone',
      });
      onClose();
      setTitle('');
      setDescription('');
      void navigate({ to: '/tickets/$ref', params: { ref: ticket.number } });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsBusy(false);
    }
  }

  const levels = LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }));
  return (
    <Modal opened={isOpen} onClose={onClose} title={t('create.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select
            label={t('create.organization')}
            data={(organizations.data ?? [])
              .filter((o) => o.isActive)
              .map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
            value={organizationId}
            onChange={setOrganizationId}
            searchable
            required
            data-autofocus
          />
          <TextInput
            label={t('create.ticketTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <Group grow>
            <Select
              label={t('create.type')}
              data={TICKET_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
              value={type}
              onChange={(v) => setType(v ?? 'inquiry')}
              allowDeselect={false}
            />
            <Select
              label={t('create.module')}
              data={[...SAP_MODULES]}
              value={module}
              onChange={setModule}
              searchable
              clearable
            />
          </Group>
          <Group grow>
            <Select
              label={t('create.impact')}
              data={levels}
              value={impact}
              onChange={(v) => setImpact((v as TLevel) ?? 'medium')}
              allowDeselect={false}
            />
            <Select
              label={t('create.urgency')}
              data={levels}
              value={urgency}
              onChange={(v) => setUrgency((v as TLevel) ?? 'medium')}
              allowDeselect={false}
            />
          </Group>
          <Textarea
            label={t('create.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={4}
          />
          {error && (
            <Alert color="red" role="alert" title={t('create.failed')}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('create.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
