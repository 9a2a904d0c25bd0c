import type { TOnCallNow, TOnCallShift } from '@hamkke/core';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';

/** Who is on call now, and next, in each rotation. */
export function NowPanel({ now }: { now: TOnCallNow | undefined }) {
  const { t } = useTranslation();
  const items = now?.items ?? [];
  return (
    <section aria-labelledby="oncall-now">
      <Title order={2} size="h4" id="oncall-now">
        {t('oncall.now')}
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        {t('oncall.nowHint')}
      </Text>
      {now && items.length === 0 && <Text size="sm">{t('oncall.noRotations')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map(({ rotation, current, next }) => (
          <Card key={rotation.id} withBorder padding="sm" aria-label={rotation.name} component="article">
            <Group justify="space-between" mb={4}>
              <Text fw={700}>{rotation.name}</Text>
              <Badge variant="light" color={rotation.team ? 'indigo' : 'gray'} c="dark.9">
                {rotation.team
                  ? t('oncall.teamRotation', { team: rotation.team.name })
                  : t('oncall.defaultRotation')}
              </Badge>
            </Group>
            <Stack gap={2}>
              <Shift label={t('oncall.current')} shift={current} isCurrent />
              <Shift label={t('oncall.next')} shift={next} isCurrent={false} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Shift({
  label,
  shift,
  isCurrent,
}: {
  label: string;
  shift: TOnCallShift | null;
  isCurrent: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="gray.8" w={70}>
        {label}
      </Text>
      {shift ? (
        <>
          <Text
            size={isCurrent ? 'md' : 'sm'}
            fw={isCurrent ? 700 : 500}
            data-testid={isCurrent ? 'on-call-now' : 'on-call-next'}
          >
            {shift.person.name}
          </Text>
          {shift.overrideId && (
            <Badge size="sm" color="yellow.3" variant="filled" c="dark.9">
              {shift.scheduledPerson
                ? `${t('oncall.override')} · ${t('oncall.covering', { name: shift.scheduledPerson.name })}`
                : t('oncall.override')}
            </Badge>
          )}
          <Text size="xs" c="gray.8">
            {isCurrent
              ? t('oncall.until', { time: formatDateTime(shift.end) })
              : t('oncall.from', { time: formatDateTime(shift.start) })}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('oncall.nobody')}</Text>
      )}
    </Group>
  );
}
