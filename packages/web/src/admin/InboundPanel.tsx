import type { TInboundMessage, TTicket } from '@hamkke/core';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES } from '../domain.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { FormAlert } from './AdminFrame.js';
import { adminApi, INBOUND_STATUSES } from './api.js';
import { EditDialog } from './EditDialog.js';
import { useFormErrors } from './form-errors.js';
import { useOrganizationList } from './queries.js';
import './messages-register.js';

const STATUS_COLORS: Record<string, string> = {
  processed: 'teal',
  triage: 'orange',
  failed: 'red',
  rejected: 'gray',
  ignored: 'gray',
  received: 'blue',
  processing: 'blue',
};

/** Stored inbound messages: filter by status, open a triaged one as a ticket or reject it, retry a failed one. */
export function InboundPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [statuses, setStatuses] = useState<string[]>(['triage', 'failed']);
  const [opening, setOpening] = useState<TInboundMessage | null>(null);
  const [rejecting, setRejecting] = useState<TInboundMessage | null>(null);
  const [viewing, setViewing] = useState<TInboundMessage | null>(null);
  const messages = useQuery({
    queryKey: ['inbound', statuses],
    queryFn: async () => (await adminApi.inbound(statuses)).items,
  });

  async function retry(message: TInboundMessage) {
    try {
      const after = await adminApi.retryInbound(message.id);
      notify('teal', t('admin.mail.retried', { status: t(`admin.mail.inboundStatus.${after.status}`) }));
    } catch (error) {
      notify('red', error instanceof Error ? error.message : String(error));
    }
    await client.invalidateQueries({ queryKey: ['inbound'] });
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Text fw={600}>{t('admin.mail.inbound')}</Text>
        <MultiSelect
          label={t('admin.mail.statusFilter')}
          placeholder={statuses.length ? undefined : t('admin.all')}
          data={INBOUND_STATUSES.map((s) => ({ value: s, label: t(`admin.mail.inboundStatus.${s}`) }))}
          value={statuses}
          onChange={setStatuses}
          clearable
          miw={280}
        />
      </Group>
      {messages.isError && <FormAlert message={messages.error.message} />}
      {messages.data?.length === 0 && <Text c="gray.8">{t('admin.mail.noInbound')}</Text>}
      {(messages.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table fz="sm" aria-label={t('admin.mail.inbound')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.mail.receivedAt')}</Table.Th>
                <Table.Th>{t('admin.mail.sender')}</Table.Th>
                <Table.Th>{t('admin.mail.subject')}</Table.Th>
                <Table.Th>{t('admin.users.state')}</Table.Th>
                <Table.Th>{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {messages.data?.map((m) => (
                <Table.Tr key={m.id} data-testid="inbound-row">
                  <Table.Td>{formatDateTime(m.receivedAt)}</Table.Td>
                  <Table.Td>
                    {m.fromName ? `${m.fromName} ` : ''}
                    {m.fromAddress ? `<${m.fromAddress}>` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      c="indigo.9"
                      onClick={() => setViewing(m)}
                    >
                      {m.subject || t('admin.mail.details')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[m.status] ?? 'gray'} c="dark.9">
                      {t(`admin.mail.inboundStatus.${m.status}`)}
                    </Badge>
                    {m.reason && (
                      <Text size="xs" c="gray.8">
                        {reasonText(t, m.reason)}
                      </Text>
                    )}
                    {m.error && (
                      <Text size="xs" c="red.9">
                        {m.error}
                      </Text>
                    )}
                    {m.ticketNumber && (
                      <AnchorLink to="/tickets/$ref" params={{ ref: m.ticketNumber }} size="sm" c="indigo.9">
                        {m.ticketNumber}
                      </AnchorLink>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {(m.status === 'triage' || m.status === 'failed') && !m.ticketId && (
                        <Button size="compact-sm" onClick={() => setOpening(m)}>
                          {t('admin.mail.openTicket')}
                        </Button>
                      )}
                      {m.status === 'triage' && (
                        <Button size="compact-sm" variant="default" onClick={() => setRejecting(m)}>
                          {t('admin.mail.reject')}
                        </Button>
                      )}
                      {(m.status === 'failed' || m.status === 'ignored' || m.status === 'rejected') && (
                        <Button size="compact-sm" variant="default" onClick={() => void retry(m)}>
                          {t('admin.mail.retry')}
                        </Button>
                      )}
                      <Anchor href={adminApi.rawUrl(m.id)} size="sm" c="indigo.9" download>
                        {t('admin.mail.raw')}
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {opening && <OpenTicketModal message={opening} onClose={() => setOpening(null)} />}
      {viewing && <DetailModal message={viewing} onClose={() => setViewing(null)} />}
      {rejecting && <RejectModal message={rejecting} onClose={() => setRejecting(null)} />}
    </Stack>
  );
}

const REASONS = [
  'new_ticket',
  'reply',
  'unknown_sender',
  'no_organization',
  'auto_submitted',
  'precedence',
  'auto_reply_header',
  'delivery_report',
  'null_return_path',
  'mailer_daemon',
  'own_message',
  'rate_limited',
  'opened_by_admin',
  'rejected_by_admin',
] as const;

/** Why a message went where it did, in words; an admin's own reject reason as written. */
function reasonText(t: TFunction, reason: string): string {
  const known = REASONS.find((r) => r === reason);
  return known ? t(`admin.mail.reasons.${known}`) : reason;
}

/** What was read from a message: the sender and recipients, the new text, the folded history, attachments. */
function DetailModal({ message, onClose }: { message: TInboundMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['inbound-message', message.id],
    queryFn: () => adminApi.inboundMessage(message.id),
  });
  const d = detail.data;
  return (
    <Modal
      className="hamkke-admin"
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={message.subject || t('admin.mail.detailTitle')}
      size="xl"
    >
      {detail.isError && <FormAlert message={detail.error.message} />}
      {d && (
        <Stack gap="xs">
          <Text size="sm">
            {t('admin.mail.sender')}: {d.fromName ? `${d.fromName} ` : ''}
            {d.fromAddress ? `<${d.fromAddress}>` : ''}
          </Text>
          <Text size="sm">
            {t('admin.mail.to')}: {d.envelopeTo.join(', ')}
          </Text>
          <Text size="sm">
            {t('admin.mail.receivedAt')}: {formatDateTime(d.receivedAt)}
          </Text>
          <Paper withBorder p="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.bodyText?.trim() || t('admin.mail.noBody')}
            </Text>
          </Paper>
          {d.quotedText && (
            <details>
              <summary>{t('admin.mail.quoted')}</summary>
              <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                {d.quotedText}
              </Text>
            </details>
          )}
          {d.attachments.length > 0 && (
            <Text size="sm">
              {t('admin.mail.attachments')}: {d.attachments.map((a) => a.filename).join(', ')}
            </Text>
          )}
          <Anchor href={adminApi.rawUrl(d.id)} size="sm" c="indigo.9" download>
            {t('admin.mail.raw')}
          </Anchor>
        </Stack>
      )}
    </Modal>
  );
}

function OpenTicketModal({ message, onClose }: { message: TInboundMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organizations = useOrganizationList();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [type, setType] = useState<TTicket['type']>('inquiry');
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    const done = await adminApi.openTriaged(message.id, {
      organizationId: organizationId ?? '',
      type,
    });
    await client.invalidateQueries({ queryKey: ['inbound'] });
    return t('admin.mail.opened', { number: done.ticketNumber ?? '' });
  }

  return (
    <EditDialog
      title={t('admin.mail.openTicket')}
      onClose={onClose}
      errors={errors}
      save={save}
      submitLabel={t('admin.mail.openTicket')}
    >
      <Text size="sm">
        {message.fromAddress} · {message.subject}
      </Text>
      <Select
        label={t('admin.users.organization')}
        data={(organizations.data ?? [])
          .filter((o) => o.isActive)
          .map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
        value={organizationId}
        onChange={setOrganizationId}
        searchable
        required
        error={errors.of('organizationId')}
        data-autofocus
      />
      <Select
        label={t('admin.mail.ticketType')}
        data={TICKET_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
        value={type}
        onChange={(v) => setType((v as TTicket['type']) ?? 'inquiry')}
        allowDeselect={false}
        error={errors.of('type')}
      />
    </EditDialog>
  );
}

function RejectModal({ message, onClose }: { message: TInboundMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const errors = useFormErrors();

  async function save(): Promise<string | null> {
    await adminApi.rejectTriaged(message.id, reason.trim() || undefined);
    await client.invalidateQueries({ queryKey: ['inbound'] });
    return null;
  }

  return (
    <EditDialog
      title={t('admin.mail.reject')}
      onClose={onClose}
      errors={errors}
      save={save}
      submitLabel={t('admin.mail.reject')}
      submitColor="red"
    >
      <Text size="sm">
        {message.fromAddress} · {message.subject}
      </Text>
      <TextInput
        label={t('admin.mail.rejectReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.of('reason')}
        data-autofocus
      />
    </EditDialog>
  );
}
