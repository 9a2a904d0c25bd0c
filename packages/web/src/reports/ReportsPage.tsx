import type { TMonthlyReportSummary, TReportRun } from '@hamkke/core';
import { Alert, Badge, Button, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { canWork } from '../domain.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import { reportsApi } from './api.js';
import { isMonth, lastMonth } from './periods.js';
import { StaffOnly } from './StaffOnly.js';
import { useT } from './use-t.js';
import './messages-register.js';
import './reports.css';

const route = getRouteApi('/reports');
const STATUS_COLORS = { none: 'gray', draft: 'yellow', signed: 'teal' } as const;

/** Every customer's monthly report for a month: its status, and "generate all" as a run with its progress. */
export function ReportsPage() {
  return (
    <StaffOnly portal="/portal/reports">
      <Reports />
    </StaffOnly>
  );
}

function Reports() {
  const t = useT();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const month = search.month ?? lastMonth();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['reports', 'monthly', month],
    queryFn: () => reportsApi.monthlyList(month),
  });
  const start = useMutation({
    mutationFn: () => reportsApi.startRun(month),
    onSuccess: (run) => void navigate({ search: (s) => ({ ...s, run: run.id }), replace: true }),
  });
  const run = useQuery({
    queryKey: ['reports', 'run', search.run],
    queryFn: () => reportsApi.run(search.run!),
    enabled: Boolean(search.run),
    // Polled until the run is over.
    refetchInterval: (query) => (query.state.data?.status === 'finished' ? false : 1000),
  });
  const isFinished = run.data?.status === 'finished';
  useEffect(() => {
    if (isFinished) void client.invalidateQueries({ queryKey: ['reports', 'monthly'] });
  }, [isFinished, client]);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" className="reports-page">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('reports.monthly.title')}
        </Title>
        <Group gap="sm" align="flex-end">
          <TextInput
            type="month"
            label={t('reports.monthly.month')}
            value={month}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isMonth(value)) void navigate({ search: { month: value } });
            }}
            w={180}
          />
          {canWork(user.role) && (
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={Boolean(run.data && !isFinished)}
            >
              {t('reports.monthly.generateAll')}
            </Button>
          )}
        </Group>
      </Group>
      {start.isError && (
        <Alert color="red" role="alert">
          {t('reports.monthly.runFailed')} {start.error.message}
        </Alert>
      )}
      {run.data && <RunProgress run={run.data} />}
      {list.isError && (
        <Alert color="red" role="alert">
          {t('reports.monthly.loadFailed')} {list.error.message}
        </Alert>
      )}
      {list.data && items.length === 0 && <Text>{t('reports.monthly.none')}</Text>}
      {items.length > 0 && (
        <Table highlightOnHover fz="sm" aria-label={t('reports.monthly.listOf', { month })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.monthly.customer')}</Table.Th>
              <Table.Th>{t('reports.monthly.status')}</Table.Th>
              <Table.Th>{t('reports.monthly.generatedAt')}</Table.Th>
              <Table.Th>{t('reports.monthly.signed')}</Table.Th>
              <Table.Th>{t('reports.monthly.mailedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <ReportRow key={item.organization.id} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ReportRow({ item }: { item: TMonthlyReportSummary }) {
  return (
    <Table.Tr data-status={item.status}>
      <Table.Td>
        <AnchorLink
          to="/reports/$orgId/$month"
          params={{ orgId: item.organization.id, month: item.month }}
          c="indigo.9"
          fw={500}
        >
          {item.organization.name} ({item.organization.code})
        </AnchorLink>
      </Table.Td>
      <Table.Td>
        <ReportStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>{formatDateTime(item.generatedAt)}</Table.Td>
      <Table.Td>{item.signedBy ? `${item.signedBy.name} · ${formatDateTime(item.signedAt)}` : ''}</Table.Td>
      <Table.Td>{formatDateTime(item.mailedAt)}</Table.Td>
    </Table.Tr>
  );
}

/** 미생성 / 초안 / 서명됨, in colours that keep their contrast. */
export function ReportStatusBadge({ status }: { status: TMonthlyReportSummary['status'] }) {
  const t = useT();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} c="dark.9" data-testid="report-status">
      {t(`reports.monthly.statuses.${status}`)}
    </Badge>
  );
}

/** A run of "generate all": done, failed and pending customers, polled every second until it ends. */
function RunProgress({ run }: { run: TReportRun }) {
  const t = useT();
  const settled = run.done + run.failed;
  const percent = run.total === 0 ? 100 : Math.round((settled / run.total) * 100);
  const failures = run.items.filter((i) => i.status === 'failed');
  return (
    <Stack gap={4} className="no-print">
      <Text size="sm" role="status" aria-live="polite">
        {run.status === 'finished'
          ? t('reports.monthly.runFinished', { done: run.done, failed: run.failed, total: run.total })
          : t('reports.monthly.runProgress', { settled, total: run.total })}
      </Text>
      <Progress
        value={percent}
        aria-label={t('reports.monthly.runLabel', { month: run.month })}
        color={run.failed > 0 ? 'orange' : 'indigo'}
        animated={run.status !== 'finished'}
      />
      {failures.map((f) => (
        <Text key={f.organization.id} size="xs" c="red.9">
          {f.organization.name}: {f.error}
        </Text>
      ))}
    </Stack>
  );
}
