import type { TOutboxMail } from '@hamkke/core';
import { Badge, Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';
import { notify } from '../shell/notify.js';
import { FormAlert } from './AdminFrame.js';
import { adminApi } from './api.js';
import './messages-register.js';

const STATUSES = ['pending', 'claimed', 'sending', 'sent', 'failed', 'in_doubt'] as const;

/** Outgoing mail that needs a look: failed or in doubt (perhaps sent, perhaps not), with a retry. */
export function OutboxPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [statuses, setStatuses] = useState<string[]>(['failed', 'in_doubt']);
  const outbox = useQuery({
    queryKey: ['outbox', statuses],
    queryFn: async () => (await adminApi.outbox(statuses)).items,
  });

  async function retry(mail: TOutboxMail) {
    try {
      await adminApi.retryOutbox(mail.id);
      notify('teal', t('admin.mail.requeued'));
    } catch (error) {
      notify('red', error instanceof Error ? error.message : String(error));
    }
    await client.invalidateQueries({ queryKey: ['outbox'] });
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Text fw={600}>{t('admin.mail.outbox')}</Text>
        <MultiSelect
          label={t('admin.mail.statusFilter')}
          placeholder={statuses.length ? undefined : t('admin.all')}
          data={STATUSES.map((s) => ({ value: s, label: t(`admin.mail.outboxStatus.${s}`) }))}
          value={statuses}
          onChange={setStatuses}
          clearable
          miw={280}
        />
      </Group>
      <Text size="xs" c="gray.8">
        {t('admin.mail.inDoubtHint')}
      </Text>
      {outbox.isError && <FormAlert message={outbox.error.message} />}
      {outbox.data?.length === 0 && <Text c="gray.8">{t('admin.mail.noOutbox')}</Text>}
      {(outbox.data?.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table fz="sm" aria-label={t('admin.mail.outbox')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.mail.createdAt')}</Table.Th>
                <Table.Th>{t('admin.mail.recipient')}</Table.Th>
                <Table.Th>{t('admin.mail.subject')}</Table.Th>
                <Table.Th>{t('admin.users.state')}</Table.Th>
                <Table.Th>{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data?.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                  <Table.Td>{m.toAddress}</Table.Td>
                  <Table.Td>{m.subject}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.status === 'sent' ? 'teal' : 'orange'} c="dark.9">
                      {t(`admin.mail.outboxStatus.${m.status}`)}
                    </Badge>
                    <Text size="xs" c="gray.8">
                      {t('admin.mail.attempts', { count: m.attempts })}
                      {m.lastError ? ` · ${m.lastError}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {(m.status === 'failed' || m.status === 'in_doubt') && (
                      <Button size="compact-sm" variant="default" onClick={() => void retry(m)}>
                        {t('admin.mail.resend')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
