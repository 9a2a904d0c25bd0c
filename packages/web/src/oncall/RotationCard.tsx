import type { TRotation } from '@hamkke/core';
import { Badge, Button, Card, Group, List, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';
import { notify } from '../shell/notify.js';
import { oncallApi } from './api.js';

/** One rotation: its people in order, its handover rule, its overrides; edit buttons for managers. */
export function RotationCard({
  rotation,
  isManager,
  onEdit,
  onOverride,
}: {
  rotation: TRotation;
  isManager: boolean;
  onEdit: () => void;
  onOverride: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const overrides = useQuery({
    queryKey: ['oncall', 'overrides', rotation.id],
    queryFn: async () => (await oncallApi.overrides(rotation.id)).items,
  });
  const weekdays = t('oncall.weekdaysLong', { returnObjects: true }) as string[];
  const headingId = `rotation-${rotation.id}`;

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      notify('teal', t('oncall.deleted'));
      await client.invalidateQueries({ queryKey: ['oncall'] });
    } catch (error) {
      notify('red', (error as Error).message);
    }
  }

  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={3} size="h5" id={headingId}>
              {rotation.name}
            </Title>
            <Badge variant="light" color={rotation.team ? 'indigo' : 'gray'} c="dark.9">
              {rotation.team
                ? t('oncall.teamRotation', { team: rotation.team.name })
                : t('oncall.defaultRotation')}
            </Badge>
          </Group>
          <Text size="sm" c="gray.8">
            {t('oncall.summary', {
              days: rotation.shiftDays,
              weekday: weekdays[rotation.handoverWeekday],
              time: rotation.handoverTime,
              startsOn: rotation.startsOn,
            })}
          </Text>
          <Text size="sm">{rotation.members.map((m, i) => `${i + 1}. ${m.name}`).join('  ')}</Text>
        </div>
        {isManager && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('oncall.edit')}
            </Button>
            <Button size="xs" variant="default" onClick={onOverride}>
              {t('oncall.addOverride')}
            </Button>
            <Button
              size="xs"
              variant="default"
              color="red"
              onClick={() =>
                window.confirm(t('oncall.removeConfirm', { name: rotation.name })) &&
                run(() => oncallApi.deleteRotation(rotation.id))
              }
            >
              {t('oncall.remove')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" fw={600} mt="xs">
        {t('oncall.overrides')}
      </Text>
      {(overrides.data ?? []).length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('oncall.noOverrides')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {(overrides.data ?? []).map((o) => (
            <List.Item key={o.id}>
              <Group gap="xs">
                <Text size="sm">
                  {formatDateTime(o.startsAt)} ~ {formatDateTime(o.endsAt)} · {o.person.name}
                  {o.forPerson ? ` (${t('oncall.covering', { name: o.forPerson.name })})` : ''}
                  {o.note ? ` · ${o.note}` : ''}
                </Text>
                {isManager && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('oncall.remove')} ${o.person.name} ${formatDateTime(o.startsAt)}`}
                    onClick={() => run(() => oncallApi.deleteOverride(o.id))}
                  >
                    {t('oncall.remove')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
