import type { TOnCallSchedule } from '@hamkke/core';
import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInSeoul } from '../format.js';
import { oncallApi } from './api.js';
import {
  addDays,
  monthGrid,
  overlapsDay,
  seoulDateOf,
  seoulMidnight,
  seoulTimeOf,
  shiftMonth,
  weekdayOf,
} from './month.js';

const COLORS = ['indigo', 'teal', 'grape', 'cyan', 'lime', 'pink', 'blue', 'violet'] as const;

/** The month view of the shifts: a week per row, who is on call each day (and from when, on a handover day). */
export function MonthCalendar() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => todayInSeoul().slice(0, 7));
  const [rotationId, setRotationId] = useState<string>('');
  const weeks = monthGrid(month);
  const from = seoulMidnight(weeks[0]![0]!);
  const to = seoulMidnight(addDays(weeks[weeks.length - 1]![6]!, 1));
  const schedule = useQuery({
    queryKey: ['oncall', 'schedule', from, to],
    queryFn: () => oncallApi.schedule(from, to),
  });
  const data: TOnCallSchedule | undefined = schedule.data;
  const rotations = data?.rotations ?? [];
  const shown = (data?.items ?? []).filter((s) => !rotationId || s.rotationId === rotationId);
  const people = [...new Set(shown.map((s) => s.person.id))];
  const colorOf = (id: string) => COLORS[people.indexOf(id) % COLORS.length];
  const names = new Map(rotations.map((r) => [r.id, r.name]));
  const [year, monthNumber] = month.split('-');
  const weekdays = t('oncall.weekdays', { returnObjects: true }) as string[];
  const weekdaysLong = t('oncall.weekdaysLong', { returnObjects: true }) as string[];

  return (
    <section aria-labelledby="oncall-calendar">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="oncall-calendar">
          {t('oncall.calendar')} · {t('oncall.monthTitle', { year, month: Number(monthNumber) })}
        </Title>
        <Group align="flex-end" gap="xs">
          <Select
            label={t('oncall.rotationFilter')}
            data={[
              { value: '', label: t('oncall.allRotations') },
              ...rotations.map((r) => ({ value: r.id, label: r.name })),
            ]}
            value={rotationId}
            onChange={(v) => setRotationId(v ?? '')}
            allowDeselect={false}
            w={200}
          />
          <Button variant="default" onClick={() => setMonth(shiftMonth(month, -1))}>
            {t('oncall.prevMonth')}
          </Button>
          <Button variant="default" onClick={() => setMonth(todayInSeoul().slice(0, 7))}>
            {t('oncall.today')}
          </Button>
          <Button variant="default" onClick={() => setMonth(shiftMonth(month, 1))}>
            {t('oncall.nextMonth')}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table withColumnBorders layout="fixed" aria-labelledby="oncall-calendar" className="oncall-month">
          <Table.Thead>
            <Table.Tr>
              {weekdays.map((w, i) => (
                <Table.Th key={w} abbr={weekdaysLong[i]}>
                  {w}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week[0]}>
                {week.map((day) => {
                  const pieces = shown.filter((s) => overlapsDay(s.start, s.end, day));
                  const isOther = !day.startsWith(month);
                  return (
                    <Table.Td
                      key={day}
                      valign="top"
                      data-date={day}
                      aria-label={t('oncall.dayLabel', { date: day, weekday: weekdaysLong[weekdayOf(day)] })}
                      bg={isOther ? 'gray.0' : undefined}
                    >
                      <Stack gap={2}>
                        <Text size="xs" fw={700} c={isOther ? 'gray.7' : 'dark.9'}>
                          <time dateTime={day}>{Number(day.slice(8))}</time>
                        </Text>
                        {pieces.map((s) => {
                          const startsToday =
                            seoulDateOf(s.start) === day && seoulTimeOf(s.start) !== '00:00';
                          return (
                            <Badge
                              key={`${s.rotationId}-${s.start}`}
                              size="sm"
                              radius="sm"
                              variant={s.overrideId ? 'filled' : 'light'}
                              color={s.overrideId ? 'yellow.3' : colorOf(s.person.id)}
                              c="dark.9"
                              tt="none"
                              fullWidth
                              title={`${names.get(s.rotationId) ?? ''} ${s.person.name}`}
                            >
                              {startsToday ? `${seoulTimeOf(s.start)}~ ` : ''}
                              {s.person.name}
                              {s.overrideId ? ` (${t('oncall.override')})` : ''}
                            </Badge>
                          );
                        })}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {schedule.isError && <Text c="red.8">{(schedule.error as Error).message}</Text>}
    </section>
  );
}
