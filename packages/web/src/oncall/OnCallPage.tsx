import type { TRotation } from '@hamkke/core';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../shell/session.js';
import { useStaff } from '../tickets/queries.js';
import { canManage, oncallApi } from './api.js';
import { MonthCalendar } from './MonthCalendar.js';
import { NowPanel } from './NowPanel.js';
import { OverrideDialog } from './OverrideDialog.js';
import { RotationCard } from './RotationCard.js';
import { RotationDialog } from './RotationDialog.js';
import './messages-register.js';

/**
 * The on-call page: who is on call now and next in each rotation, the month calendar of shifts, and
 * the rotations with their overrides (managers and admins edit them; other staff read).
 */
export function OnCallPage() {
  const { t } = useTranslation();
  const user = useUser();
  const isManager = canManage(user.role);
  const now = useQuery({ queryKey: ['oncall', 'now'], queryFn: oncallApi.now, refetchInterval: 60_000 });
  const rotations = useQuery({
    queryKey: ['oncall', 'rotations'],
    queryFn: async () => (await oncallApi.rotations()).items,
  });
  const teams = useQuery({
    queryKey: ['oncall', 'teams'],
    queryFn: async () => (await oncallApi.teams()).items,
  });
  const staff = useStaff();
  const people = (staff.data ?? [])
    .filter((u) => u.role !== 'viewer')
    .map((u) => ({ value: u.id, label: u.name }));
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const [editing, setEditing] = useState<TRotation | 'new' | null>(null);
  const [overriding, setOverriding] = useState<TRotation | null>(null);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('oncall.title')}
      </Title>
      <NowPanel now={now.data} />
      <MonthCalendar />
      <section aria-labelledby="oncall-rotations">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="oncall-rotations">
            {t('oncall.rotations')}
          </Title>
          {isManager && <Button onClick={() => setEditing('new')}>{t('oncall.create')}</Button>}
        </Group>
        {!isManager && (
          <Text size="sm" c="gray.8" mb="xs">
            {t('oncall.readOnly')}
          </Text>
        )}
        <Stack gap="sm">
          {(rotations.data ?? []).map((r) => (
            <RotationCard
              key={r.id}
              rotation={r}
              isManager={isManager}
              onEdit={() => setEditing(r)}
              onOverride={() => setOverriding(r)}
            />
          ))}
          {rotations.isSuccess && rotations.data.length === 0 && (
            <Text size="sm">{t('oncall.noRotations')}</Text>
          )}
        </Stack>
      </section>
      {editing && (
        <RotationDialog
          rotation={editing === 'new' ? null : editing}
          people={people}
          teams={teamOptions}
          onClose={() => setEditing(null)}
        />
      )}
      {overriding && (
        <OverrideDialog rotation={overriding} people={people} onClose={() => setOverriding(null)} />
      )}
    </Stack>
  );
}
