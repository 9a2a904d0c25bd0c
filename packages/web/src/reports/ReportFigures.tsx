import type { TMonthlyReport, TReportTicketRef } from '@hamkke/core';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BarChart, Distribution, formatNumber } from './charts/index.js';
import { useT } from './use-t.js';

/** How a ticket of the report is linked: the workspace for staff, the portal for the customer. */
export type TTicketLinker = (ticket: { number: string; title: string }) => ReactNode;

type TProps = {
  report: TMonthlyReport;
  ticketLink: TTicketLinker;
  /** The workspace list of the month's tickets with more filters (staff only), for click-through. */
  listHref?: ((filter: string) => string) | undefined;
};

const percent = (value: number | null) => (value === null ? '—' : `${formatNumber(value)}%`);

/** The monthly report's figures as a page: key numbers, charts by type, module, priority, channel, and tables. */
export function ReportFigures({ report, ticketLink, listHref }: TProps) {
  const t = useT();
  const hours = (v: number | null) =>
    v === null ? '—' : t('reports.dash.hours', { value: formatNumber(v) });
  const created = (key: string, value: string | null) =>
    listHref && value !== null ? listHref(`${key}=${encodeURIComponent(value)}`) : null;
  const breakdown = <K extends string | null>(
    title: string,
    rows: readonly { key: K; created: number; resolved: number }[],
    label: (key: K) => string,
    filterKey?: string,
  ) => (
    <BarChart
      title={title}
      categories={rows.map((r) => label(r.key))}
      series={[
        {
          name: t('reports.report.created'),
          values: rows.map((r) => r.created),
          hrefs: rows.map((r) => (filterKey ? created(filterKey, r.key) : null)),
        },
        { name: t('reports.report.resolved'), values: rows.map((r) => r.resolved) },
      ]}
      height={200}
    />
  );
  const unitHours = (minutes: number | null) =>
    minutes === null ? null : Math.round((minutes / 60) * 10) / 10;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <KeyFigure
          label={t('reports.report.ticketsCreated')}
          value={formatNumber(report.tickets.total.created)}
          note={t('reports.report.resolvedCount', { count: report.tickets.total.resolved })}
        />
        <KeyFigure
          label={t('reports.report.slaResponse')}
          value={percent(report.sla.response.attainmentPercent)}
          note={t('reports.report.slaResolution', {
            value: percent(report.sla.resolution.attainmentPercent),
          })}
        />
        <KeyFigure
          label={t('reports.report.hoursUsed')}
          value={hours(report.hours.used)}
          note={t('reports.report.hoursOf', {
            entitlement: hours(report.hours.entitlement),
            percent: percent(report.hours.percentUsed),
          })}
        />
        <KeyFigure
          label={t('reports.report.satisfaction')}
          value={formatNumber(report.satisfaction.average)}
          note={t('reports.report.responses', {
            responses: report.satisfaction.responses,
            sent: report.satisfaction.sent,
          })}
        />
      </SimpleGrid>
      <Section title={t('reports.report.tickets')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {breakdown(t('reports.report.byType'), report.tickets.byType, (k) => t(`type.${k}`), 'type')}
          {breakdown(
            t('reports.report.byModule'),
            report.tickets.byModule,
            (k) => k ?? t('reports.report.noModule'),
          )}
          {breakdown(t('reports.report.byPriority'), report.tickets.byPriority, (k) => k, 'priority')}
          {breakdown(t('reports.report.byChannel'), report.tickets.byChannel, (k) =>
            t(`reports.report.channels.${k as 'portal'}`, { defaultValue: k }),
          )}
        </SimpleGrid>
      </Section>
      <Section title={t('reports.report.slaTitle')}>
        <Table fz="sm" withTableBorder aria-label={t('reports.report.slaTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.report.priority')}</Table.Th>
              <Table.Th ta="right">{t('reports.report.responseSla')}</Table.Th>
              <Table.Th ta="right">{t('reports.report.resolutionSla')}</Table.Th>
              <Table.Th ta="right">{t('reports.report.responseTime')}</Table.Th>
              <Table.Th ta="right">{t('reports.report.resolutionTime')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[
              { priority: t('reports.report.all'), ...report.sla, times: report.times },
              ...report.sla.byPriority.map((row) => ({
                ...row,
                times: report.times.byPriority.find((p) => p.priority === row.priority),
              })),
            ].map((row) => (
              <Table.Tr key={row.priority}>
                <Table.Th scope="row">{row.priority}</Table.Th>
                <Table.Td ta="right">
                  {`${percent(row.response.attainmentPercent)} (${row.response.met}/${row.response.met + row.response.breached})`}
                </Table.Td>
                <Table.Td ta="right">
                  {`${percent(row.resolution.attainmentPercent)} (${row.resolution.met}/${row.resolution.met + row.resolution.breached})`}
                </Table.Td>
                <Table.Td ta="right">
                  {t('reports.report.meanP90', {
                    mean: hours(unitHours(row.times?.response.mean ?? null)),
                    p90: hours(unitHours(row.times?.response.p90 ?? null)),
                  })}
                </Table.Td>
                <Table.Td ta="right">
                  {t('reports.report.meanP90', {
                    mean: hours(unitHours(row.times?.resolution.mean ?? null)),
                    p90: hours(unitHours(row.times?.resolution.p90 ?? null)),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="gray.8" mt={4}>
          {report.times.unit === 'business_minutes'
            ? t('reports.report.businessTime')
            : t('reports.report.wallTime')}
        </Text>
      </Section>
      <Section title={t('reports.report.hoursTitle')}>
        <BarChart
          title={t('reports.report.hoursTrend')}
          description={t('reports.report.hoursSplit', {
            a: hours(report.hours.byWorkClass.A),
            b: hours(report.hours.byWorkClass.B),
            c: hours(report.hours.byWorkClass.C),
            nonBillable: hours(report.hours.nonBillable),
          })}
          format={hours}
          categories={report.hours.trend.map((m) => m.month)}
          series={[
            { name: t('reports.report.hoursBillable'), values: report.hours.trend.map((m) => m.hours) },
            {
              name: t('reports.report.entitlement'),
              values: report.hours.trend.map((m) => m.entitlement),
              color: 'var(--mantine-color-gray-6)',
            },
          ]}
        />
      </Section>
      <Section title={t('reports.report.inspectionsTitle')}>
        <Text size="sm">
          {t('reports.report.inspections', {
            done: report.inspections.done,
            ok: report.inspections.items.ok,
            warning: report.inspections.items.warning,
            failed: report.inspections.items.failed,
            open: report.inspections.openFindings,
          })}
        </Text>
        <TicketTable
          label={t('reports.report.findings')}
          tickets={report.inspections.findings}
          link={ticketLink}
        />
      </Section>
      <Section title={t('reports.report.incidentsTitle')}>
        {report.notableIncidents.length === 0 ? (
          <Text size="sm">{t('reports.report.noIncidents')}</Text>
        ) : (
          <Table fz="sm" withTableBorder aria-label={t('reports.report.incidentsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.report.ticket')}</Table.Th>
                <Table.Th>{t('reports.report.priority')}</Table.Th>
                <Table.Th>{t('reports.report.cause')}</Table.Th>
                <Table.Th>{t('reports.report.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.notableIncidents.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{ticketLink(i)}</Table.Td>
                  <Table.Td>{i.priority}</Table.Td>
                  <Table.Td className="pre-line">{i.cause}</Table.Td>
                  <Table.Td className="pre-line">{i.action}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('reports.report.satisfactionTitle')}>
        <Distribution
          title={t('reports.report.satisfactionTitle')}
          countName={t('reports.dash.csat.responses')}
          bins={report.satisfaction.distribution.map((count, i) => ({
            from: i + 0.5,
            to: i + 1.5,
            label: t('reports.dash.csat.rating', { rating: i + 1 }),
            count,
          }))}
          markers={[{ name: t('reports.dash.csat.average'), value: report.satisfaction.average }]}
          formatValue={formatNumber}
        />
      </Section>
      <Section title={t('reports.report.carriedOverTitle', { count: report.carriedOver.count })}>
        <TicketTable
          label={t('reports.report.carriedOver')}
          tickets={report.carriedOver.items}
          link={ticketLink}
        />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="report-section">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function KeyFigure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="gray.8">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="gray.8">
        {note}
      </Text>
    </Paper>
  );
}

function TicketTable({
  label,
  tickets,
  link,
}: {
  label: string;
  tickets: readonly TReportTicketRef[];
  link: TTicketLinker;
}) {
  const t = useT();
  if (tickets.length === 0) return null;
  return (
    <Table fz="sm" withTableBorder aria-label={label} mt="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.report.ticket')}</Table.Th>
          <Table.Th>{t('reports.report.type')}</Table.Th>
          <Table.Th>{t('reports.report.priority')}</Table.Th>
          <Table.Th>{t('reports.report.status')}</Table.Th>
          <Table.Th>{t('reports.report.assignee')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((ticket) => (
          <Table.Tr key={ticket.id}>
            <Table.Td>{link(ticket)}</Table.Td>
            <Table.Td>{t(`type.${ticket.type}`)}</Table.Td>
            <Table.Td>{ticket.priority}</Table.Td>
            <Table.Td>{t(`status.${ticket.status}`)}</Table.Td>
            <Table.Td>{ticket.assignee ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
