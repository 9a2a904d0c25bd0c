import type { TWeeklyPack, TWeeklySlaEntry } from '@hamkke/core';
import { List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { formatPercent, HBarChart } from './charts/index.js';
import { PackSection, PackTable, TicketRef } from './PackParts.js';
import { addDays } from './periods.js';
import { useT } from './use-t.js';

/** The week's numbers: totals, new and closed tickets per customer, SLA breaches and near misses, recurring problems, inspections. */
export function WeeklyPackView({ pack }: { pack: TWeeklyPack }) {
  const t = useT();
  const from = `${pack.weekStart}T00:00:00+09:00`;
  const to = `${addDays(pack.weekStart, 7)}T00:00:00+09:00`;
  const href = (organizationId: string, kind: 'created' | 'resolved') =>
    `/tickets?${new URLSearchParams({ organizationId, [`${kind}From`]: from, [`${kind}To`]: to })}`;
  const totals = [
    ['created', pack.totals.created],
    ['closed', pack.totals.closed],
    ['majorIncidents', pack.totals.majorIncidents],
    ['slaBreaches', pack.totals.slaBreaches],
    ['slaNearMisses', pack.totals.slaNearMisses],
    ['inspections', pack.totals.inspections],
    ['findings', pack.totals.findings],
  ] as const;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
        {totals.map(([key, value]) => (
          <Paper key={key} withBorder p="xs">
            <Text size="xs" c="gray.8">
              {t(`reports.meeting.totals.${key}`)}
            </Text>
            <Text size="lg" fw={700}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <PackSection title={t('reports.meeting.customers')} isEmpty={pack.customers.length === 0}>
        <HBarChart
          title={t('reports.meeting.customersChart')}
          categories={pack.customers.map((c) => c.organization.name)}
          series={[
            {
              name: t('reports.meeting.totals.created'),
              values: pack.customers.map((c) => c.created),
              hrefs: pack.customers.map((c) => href(c.organization.id, 'created')),
            },
            {
              name: t('reports.meeting.totals.closed'),
              values: pack.customers.map((c) => c.closed),
              hrefs: pack.customers.map((c) => href(c.organization.id, 'resolved')),
            },
            { name: t('reports.meeting.openAtEnd'), values: pack.customers.map((c) => c.openAtEnd) },
          ]}
        />
      </PackSection>
      <PackSection
        title={t('reports.meeting.sla')}
        isEmpty={pack.sla.breaches.length + pack.sla.nearMisses.length === 0}
      >
        <SlaTable entries={[...pack.sla.breaches, ...pack.sla.nearMisses]} />
      </PackSection>
      <PackSection title={t('reports.meeting.recurring')} isEmpty={pack.recurring.length === 0}>
        <Stack gap="xs">
          {pack.recurring.map((group) => (
            <div key={`${group.organizationId}:${group.tickets[0]?.id}`}>
              <Text size="sm" fw={600}>
                {t('reports.meeting.recurringGroup', {
                  customer: group.organizationName,
                  by: group.module ?? t('reports.dash.recurring.system'),
                  words: group.sharedWords.join(', '),
                  count: group.tickets.length,
                })}
              </Text>
              <List size="sm" spacing={2}>
                {group.tickets.map((ticket) => (
                  <List.Item key={ticket.id}>
                    <TicketRef ticket={ticket} /> · {formatDateTime(ticket.createdAt)}
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      </PackSection>
      <PackSection title={t('reports.meeting.inspections')} isEmpty={pack.inspections.length === 0}>
        <PackTable
          label={t('reports.meeting.inspections')}
          head={[
            t('reports.meeting.inspection'),
            t('reports.meeting.customer'),
            t('reports.meeting.result'),
            t('reports.meeting.findings'),
          ]}
        >
          {pack.inspections.map((i) => (
            <Table.Tr key={i.ticket.id}>
              <Table.Td>
                <TicketRef ticket={i.ticket} />
                <Text size="xs" c="gray.8">
                  {`${i.templateName} · ${formatDateTime(i.completedAt)}${i.completedBy ? ` · ${i.completedBy.name}` : ''}`}
                </Text>
              </Table.Td>
              <Table.Td>{`${i.organization.name}${i.system ? ` (${i.system.sid})` : ''}`}</Table.Td>
              <Table.Td>{t('reports.meeting.counts', i.counts)}</Table.Td>
              <Table.Td>
                {i.findings.map((f) => (
                  <Text key={f.itemId} size="xs">
                    {`[${t(`reports.meeting.results.${f.result}`)}] ${f.area} · ${f.title}${f.note ? `: ${f.note}` : ''} `}
                    {f.followUp && (
                      <AnchorLink
                        to="/tickets/$ref"
                        params={{ ref: f.followUp.number }}
                        c="indigo.9"
                        size="xs"
                      >
                        {f.followUp.number}
                      </AnchorLink>
                    )}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </PackTable>
      </PackSection>
    </Stack>
  );
}

function SlaTable({ entries }: { entries: TWeeklySlaEntry[] }) {
  const t = useT();
  return (
    <PackTable
      label={t('reports.meeting.sla')}
      head={[
        t('reports.meeting.ticket'),
        t('reports.meeting.customer'),
        t('reports.meeting.target'),
        t('reports.meeting.due'),
        t('reports.meeting.metAt'),
        t('reports.meeting.outcome'),
      ]}
    >
      {entries.map((e) => {
        const isBreach = e.leftShare === null || e.leftShare < 0;
        return (
          <Table.Tr key={`${e.ticket.id}:${e.target}`} data-outcome={isBreach ? 'breach' : 'near-miss'}>
            <Table.Td>
              <TicketRef ticket={e.ticket} />
            </Table.Td>
            <Table.Td>{e.ticket.organization.name}</Table.Td>
            <Table.Td>{t(`reports.meeting.targets.${e.target}`)}</Table.Td>
            <Table.Td>{formatDateTime(e.dueAt)}</Table.Td>
            <Table.Td>{formatDateTime(e.metAt)}</Table.Td>
            <Table.Td>
              <Text size="sm" c={isBreach ? 'red.9' : 'orange.9'} fw={600}>
                {isBreach
                  ? t('reports.meeting.breach')
                  : t('reports.meeting.nearMiss', { left: formatPercent(e.leftShare) })}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </PackTable>
  );
}
