import type { TBulkUpdateResult, TTicket } from '@hamkke/core';
import { Alert, Button, Group, List, Paper, Select, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { TICKET_STATUSES } from '../domain.js';
import { notify } from '../shell/notify.js';
import { useStaff } from './queries.js';

type TProps = {
  ids: string[];
  tickets: TTicket[];
  /** Called with the ids that were not changed, which stay selected. */
  onDone: (failedIds: string[]) => void;
  onClear: () => void;
};

const UNASSIGNED = '-';

/** Bulk assign and bulk status change of the selected tickets; each ticket answers on its own. */
export function BulkBar({ ids, tickets, onDone, onClear }: TProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const staff = useStaff();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<TBulkUpdateResult | null>(null);
  const numberOf = (id: string) => tickets.find((ticket) => ticket.id === id)?.number ?? id;

  async function apply(change: { status?: string; assigneeId?: string | null }) {
    setIsBusy(true);
    try {
      const answer = await api.bulkUpdate(ids, change);
      setResult(answer);
      const failed = answer.items.filter((i) => !i.isOk);
      notify(
        failed.length ? 'orange' : 'teal',
        t('bulk.done', { ok: answer.items.length - failed.length, failed: failed.length }),
      );
      onDone(failed.map((i) => i.id));
      void client.invalidateQueries({ queryKey: ['tickets'] });
      void client.invalidateQueries({ queryKey: ['queues'] });
    } catch (error) {
      notify('red', error instanceof Error ? error.message : String(error));
    } finally {
      setIsBusy(false);
    }
  }

  const failed = result?.items.filter((i) => !i.isOk) ?? [];
  return (
    <Paper
      withBorder
      p="xs"
      mb="sm"
      bg="gray.0"
      aria-label={t('bulk.selected', { count: ids.length })}
      component="section"
    >
      <Group gap="sm" align="flex-end">
        <Text fw={600} size="sm">
          {t('bulk.selected', { count: ids.length })}
        </Text>
        <Select
          size="xs"
          w={180}
          label={t('bulk.assignTo')}
          data={[
            { value: UNASSIGNED, label: t('list.unassigned') },
            ...(staff.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          value={assignee}
          onChange={setAssignee}
          searchable
        />
        <Button
          size="xs"
          disabled={!assignee}
          loading={isBusy}
          onClick={() => void apply({ assigneeId: assignee === UNASSIGNED ? null : assignee })}
        >
          {t('bulk.assign')}
        </Button>
        <Select
          size="xs"
          w={170}
          label={t('list.status')}
          data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
        <Button size="xs" disabled={!status} loading={isBusy} onClick={() => void apply({ status: status! })}>
          {t('bulk.status')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>
      {failed.length > 0 && (
        <Alert
          color="orange"
          mt="xs"
          role="alert"
          title={t('bulk.done', { ok: result!.items.length - failed.length, failed: failed.length })}
        >
          <List size="sm">
            {failed.map((item) => (
              <List.Item key={item.id}>
                {t('bulk.failedItem', {
                  number: item.number ?? numberOf(item.id),
                  detail: item.problem?.detail ?? item.problem?.title ?? '',
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
