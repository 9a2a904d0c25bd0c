import type { TDeployment } from '@hamkke/core';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { todayInSeoul } from '../format.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { useOrganizations, useStaff } from '../tickets/queries.js';
import { canManage, teamApi } from './api.js';
import { DeploymentDialog } from './DeploymentDialog.js';
import { HandoverPanel } from './HandoverPanel.js';
import { TeamFrame } from './TeamFrame.js';
import { useT } from './use-t.js';
import { addDays, overlapsWeek, weeksFrom } from './weeks.js';

const SPANS = [8, 12, 26] as const;

/**
 * Who is deployed where: a person × week calendar of project shares, the list of deployments
 * (managers create, edit and delete them), the handover a deployment produces, and the handovers
 * waiting for the signed-in person's acknowledgement.
 */
export function DeploymentsPage() {
  const t = useT();
  const user = useUser();
  const isManager = canManage(user.role);
  const [from, setFrom] = useState(() => addDays(todayInSeoul(), -14));
  const [span, setSpan] = useState<number>(12);
  const weeks = weeksFrom(from, span);
  const first = weeks[0] ?? from;
  const last = addDays(weeks[weeks.length - 1] ?? from, 6);
  const deployments = useQuery({
    queryKey: ['deployments', first, last],
    queryFn: async () => (await teamApi.deployments(first, last)).items,
  });
  const staff = useStaff();
  const organizations = useOrganizations();
  const people = (staff.data ?? [])
    .filter((u) => u.role !== 'viewer')
    .map((u) => ({ value: u.id, label: u.name }));
  const orgOptions = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const [editing, setEditing] = useState<TDeployment | 'new' | null>(null);
  const [open, setOpen] = useState<TDeployment | null>(null);
  const client = useQueryClient();
  const rows = deployments.data ?? [];
  const persons = [...new Map(rows.map((d) => [d.person.id, d.person])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );

  async function remove(d: TDeployment) {
    try {
      await teamApi.deleteDeployment(d.id);
      notify('teal', t('team.deployments.deleted'));
      if (open?.id === d.id) setOpen(null);
      await client.invalidateQueries({ queryKey: ['deployments'] });
    } catch (error) {
      notify('red', (error as Error).message);
    }
  }

  return (
    <TeamFrame title={t('team.deployments.title')}>
      <MyHandovers />
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label={t('team.deployments.from')}
            data={[-12, -4, -2, 0, 4, 12].map((w) => {
              const date = weeksFrom(addDays(todayInSeoul(), w * 7), 1)[0] ?? '';
              return { value: date, label: t('team.weekOf', { date }) };
            })}
            value={first}
            onChange={(v) => v && setFrom(v)}
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t('team.deployments.weeks')}
            data={SPANS.map((n) => ({ value: String(n), label: t('team.deployments.weeksN', { n }) }))}
            value={String(span)}
            onChange={(v) => v && setSpan(Number(v))}
            allowDeselect={false}
            w={120}
          />
        </Group>
        {isManager && <Button onClick={() => setEditing('new')}>{t('team.deployments.create')}</Button>}
      </Group>

      <section aria-labelledby="deployment-calendar">
        <Title order={2} size="h4" id="deployment-calendar">
          {t('team.deployments.calendar')}
        </Title>
        <Text size="sm" c="gray.8" mb="xs">
          {t('team.deployments.calendarHint')}
        </Text>
        <Table.ScrollContainer minWidth={720}>
          <Table fz="xs" withColumnBorders aria-labelledby="deployment-calendar">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.deployments.person')}</Table.Th>
                {weeks.map((w) => (
                  <Table.Th key={w} aria-label={t('team.deployments.weekCol', { date: w })}>
                    {w.slice(5)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {persons.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row">{person.name}</Table.Th>
                  {weeks.map((w) => {
                    const here = rows.filter(
                      (d) => d.person.id === person.id && overlapsWeek(w, d.startsOn, d.endsOn),
                    );
                    const share = Math.min(
                      100,
                      here.reduce((sum, d) => sum + d.sharePercent, 0),
                    );
                    return (
                      <Table.Td
                        key={w}
                        title={here.map((d) => `${d.project} ${d.sharePercent}%`).join(', ')}
                        bg={share === 0 ? undefined : share >= 100 ? 'grape.2' : 'grape.0'}
                        c="dark.9"
                      >
                        {share > 0 ? `${share}%` : ''}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.length === 0 && deployments.isSuccess && (
          <Text size="sm" c="gray.8">
            {t('team.deployments.noDeployments')}
          </Text>
        )}
      </section>

      <section aria-labelledby="deployment-list">
        <Title order={2} size="h4" id="deployment-list" mb="xs">
          {t('team.deployments.list')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" aria-labelledby="deployment-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.deployments.person')}</Table.Th>
                <Table.Th>{t('team.deployments.project')}</Table.Th>
                <Table.Th>{t('team.deployments.customer')}</Table.Th>
                <Table.Th>
                  {t('team.deployments.startsOn')} – {t('team.deployments.endsOn')}
                </Table.Th>
                <Table.Th>{t('team.deployments.share')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.person.name}</Table.Td>
                  <Table.Td>{d.project}</Table.Td>
                  <Table.Td>{d.organization?.name ?? ''}</Table.Td>
                  <Table.Td>
                    {d.startsOn} – {d.endsOn}
                  </Table.Td>
                  <Table.Td>{d.sharePercent}%</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setOpen(d)}
                        aria-label={t('team.deployments.openHandover', {
                          name: d.person.name,
                          project: d.project,
                        })}
                      >
                        {t('team.deployments.handover')}
                      </Button>
                      {isManager && (
                        <>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setEditing(d)}
                            aria-label={t('team.deployments.editOf', {
                              name: d.person.name,
                              project: d.project,
                            })}
                          >
                            {t('team.deployments.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            c="red.9"
                            onClick={() => void remove(d)}
                          >
                            {t('team.deployments.delete')}
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      {open && <HandoverPanel key={open.id} deployment={open} people={people} />}
      {editing && (
        <DeploymentDialog
          deployment={editing === 'new' ? null : editing}
          people={people}
          organizations={orgOptions}
          onClose={() => setEditing(null)}
        />
      )}
    </TeamFrame>
  );
}

/** Handover items waiting for the signed-in person to acknowledge them. */
function MyHandovers() {
  const t = useT();
  const user = useUser();
  const client = useQueryClient();
  const mine = useQuery({
    queryKey: ['handover-items', 'mine', user.id],
    queryFn: async () => (await teamApi.handoverItems({ toUserId: user.id, isPending: true })).items,
  });
  if (!mine.data || mine.data.length === 0) return null;
  async function acknowledge(id: string) {
    try {
      await teamApi.acknowledge(id);
      notify('teal', t('team.handover.acknowledgedDone'));
      await client.invalidateQueries({ queryKey: ['handover-items'] });
    } catch (error) {
      notify('red', (error as Error).message);
    }
  }
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="my-handovers" bg="yellow.0">
      <Title order={2} size="h5" id="my-handovers" mb="xs">
        {t('team.handover.mine')}
      </Title>
      <Stack component="ul" gap={4} p={0} m={0}>
        {mine.data.map((item) => (
          <Group key={item.id} component="li" gap="xs" style={{ listStyle: 'none' }}>
            <Badge variant="outline" color="gray.8" c="dark.9">
              {item.ticket?.number ?? t('team.handover.schedule')}
            </Badge>
            <Text size="sm">{item.ticket?.title ?? item.schedule?.name}</Text>
            <Text size="sm" c="gray.8">
              {t('team.handover.from', { name: item.from.name })} — “{item.note}”
            </Text>
            <Button
              size="compact-sm"
              onClick={() => void acknowledge(item.id)}
              aria-label={t('team.handover.acknowledgeOf', {
                number: item.ticket?.number ?? item.schedule?.name,
              })}
            >
              {t('team.handover.acknowledge')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
