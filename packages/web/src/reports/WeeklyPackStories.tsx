import type { TWeeklyDeployment, TWeeklyPack } from '@hamkke/core';
import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { formatNumber } from './charts/index.js';
import { PackSection, PackTable, TicketRef } from './PackParts.js';
import { useT } from './use-t.js';

/** The week's stories: major incidents, special-note changes, deployments, improvement items and their progress. */
export function WeeklyPackStories({ pack }: { pack: TWeeklyPack }) {
  const t = useT();
  const deployments = [
    ...pack.deployments.starting.map((d) => ({ ...d, move: 'starting' as const })),
    ...pack.deployments.ending.map((d) => ({ ...d, move: 'ending' as const })),
  ];
  return (
    <Stack gap="lg">
      <PackSection title={t('reports.meeting.incidents')} isEmpty={pack.majorIncidents.length === 0}>
        <Stack gap="sm">
          {pack.majorIncidents.map((incident) => (
            <Paper key={incident.id} withBorder p="sm" className="report-section">
              <Group gap="xs">
                <Badge color={incident.priority === 'P1' ? 'red' : 'orange'} c="dark.9" variant="light">
                  {incident.priority}
                </Badge>
                <TicketRef ticket={incident} />
                <Text size="sm" c="gray.8">
                  {[
                    incident.organization.name,
                    incident.system?.sid,
                    incident.module,
                    incident.assignee?.name,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Group>
              <List size="sm" mt="xs" spacing={2}>
                {incident.steps.map((step) => (
                  <List.Item key={`${step.at}:${step.kind}:${step.to ?? ''}`}>
                    {`${formatDateTime(step.at)} · ${step.actor ?? ''} · `}
                    {step.kind === 'status'
                      ? t('reports.meeting.step.status', {
                          from: step.from ? t(`status.${step.from as 'new'}`) : '',
                          to: step.to ? t(`status.${step.to as 'new'}`) : '',
                        })
                      : step.kind === 'created'
                        ? t('reports.meeting.step.created')
                        : t('reports.meeting.step.reply', { text: step.text ?? '' })}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs" className="pre-line">
                <strong>{t('reports.report.cause')}:</strong> {incident.cause ?? '—'}
              </Text>
              <Text size="sm" className="pre-line">
                <strong>{t('reports.report.action')}:</strong> {incident.action ?? '—'}
              </Text>
            </Paper>
          ))}
        </Stack>
      </PackSection>
      <PackSection title={t('reports.meeting.notes')} isEmpty={pack.notesChanges.length === 0}>
        <Stack gap="sm">
          {pack.notesChanges.map((change) => (
            <div key={`${change.organization.id}:${change.at}`}>
              <Title order={3} size="h6">
                {`${change.organization.name} · ${formatDateTime(change.at)}${change.by ? ` · ${change.by.name}` : ''}`}
              </Title>
              <Text size="sm" c="gray.8" className="pre-line">
                {t('reports.meeting.before')}: {change.before || '—'}
              </Text>
              <Text size="sm" className="pre-line">
                {t('reports.meeting.after')}: {change.after || '—'}
              </Text>
            </div>
          ))}
        </Stack>
      </PackSection>
      <PackSection title={t('reports.meeting.deployments')} isEmpty={deployments.length === 0}>
        <PackTable
          label={t('reports.meeting.deployments')}
          head={[
            t('reports.meeting.move'),
            t('reports.meeting.person'),
            t('reports.meeting.project'),
            t('reports.meeting.period'),
          ]}
        >
          {deployments.map((d) => (
            <DeploymentRow key={`${d.move}:${d.id}`} deployment={d} move={d.move} />
          ))}
        </PackTable>
      </PackSection>
      <PackSection title={t('reports.meeting.improvements')} isEmpty={pack.improvements.length === 0}>
        <PackTable
          label={t('reports.meeting.improvements')}
          head={[
            t('reports.meeting.improvement'),
            t('reports.meeting.status'),
            t('reports.meeting.owner'),
            t('reports.meeting.measure'),
          ]}
        >
          {pack.improvements.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <AnchorLink to="/improvements/$id" params={{ id: item.id }} c="indigo.9" size="sm">
                  {`[${item.kind}] ${item.title}`}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                {t(`reports.dash.improvements.status.${item.status}`)}
                {item.statusChanges.map((c) => (
                  <Text key={c.at} size="xs" c="gray.8">
                    {`${formatDateTime(c.at)} ${t(`reports.dash.improvements.status.${c.from as 'idea'}`)} → ${t(`reports.dash.improvements.status.${c.to as 'idea'}`)}`}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{item.owner?.name ?? ''}</Table.Td>
              <Table.Td>
                {item.metric
                  ? t('reports.meeting.measured', {
                      metric: t(`reports.dash.improvements.metrics.${item.metric}`),
                      before: formatNumber(item.baselineValue),
                      target: formatNumber(item.targetValue),
                      now: formatNumber(item.measuredValue),
                    })
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </PackTable>
      </PackSection>
    </Stack>
  );
}

function DeploymentRow({
  deployment: d,
  move,
}: {
  deployment: TWeeklyDeployment;
  move: 'starting' | 'ending';
}) {
  const t = useT();
  return (
    <Table.Tr>
      <Table.Td>{t(`reports.meeting.moves.${move}`)}</Table.Td>
      <Table.Td>{d.person.name}</Table.Td>
      <Table.Td>{`${d.project}${d.organization ? ` (${d.organization.name})` : ''} · ${d.sharePercent}%`}</Table.Td>
      <Table.Td>{`${d.startsOn} – ${d.endsOn}`}</Table.Td>
    </Table.Tr>
  );
}
