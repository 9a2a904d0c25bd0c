import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { formatDateTime } from '../format.js';
import { currentLanguage } from '../i18n.js';
import { reportsApi, weeklyPdfUrl } from './api.js';
import { MeetingRecord } from './MeetingRecord.js';
import { addDays, addWeeks, isWeek, mondayOfWeek, thisWeek } from './periods.js';
import { StaffOnly } from './StaffOnly.js';
import { useT } from './use-t.js';
import { WeeklyPackStories } from './WeeklyPackStories.js';
import { WeeklyPackView } from './WeeklyPackView.js';
import './messages-register.js';
import './reports.css';

const route = getRouteApi('/meetings');

/**
 * The weekly sharing meeting (주간 공유회의): the week's pack, printable (the shell hides in print) and
 * as a PDF, and the meeting's record: attendees, notes, and decisions that become improvement items or tickets.
 */
export function MeetingsPage() {
  return (
    <StaffOnly>
      <Meetings />
    </StaffOnly>
  );
}

function Meetings() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const week = search.week ?? thisWeek();
  const pack = useQuery({
    queryKey: ['meetings', 'weekly', week],
    queryFn: () => reportsApi.weeklyPack(week),
  });
  const go = (next: string) => void navigate({ search: next === thisWeek() ? {} : { week: next } });
  const monday = mondayOfWeek(week);
  return (
    <Stack gap="md" className="reports-page meetings-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('reports.meeting.title', { week })}
          </Title>
          <Text size="sm" c="gray.8">
            {t('reports.meeting.range', { from: monday, to: addDays(monday, 6) })}
            {pack.data &&
              ` · ${t('reports.meeting.generatedAt', { at: formatDateTime(pack.data.generatedAt) })}`}
          </Text>
        </div>
        <Group gap="xs" align="flex-end" className="no-print">
          <Button variant="default" onClick={() => go(addWeeks(week, -1))}>
            {t('reports.meeting.previous')}
          </Button>
          <TextInput
            type="week"
            label={t('reports.meeting.week')}
            value={week}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isWeek(value)) go(value);
            }}
            w={170}
          />
          <Button variant="default" onClick={() => go(addWeeks(week, 1))}>
            {t('reports.meeting.next')}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t('reports.meeting.print')}
          </Button>
          <Button component="a" href={weeklyPdfUrl(week, currentLanguage())} download>
            {t('reports.meeting.pdf')}
          </Button>
        </Group>
      </Group>
      {pack.isPending && <Loader aria-label={t('app.loading')} />}
      {pack.isError && (
        <Alert color="red" role="alert">
          {t('reports.meeting.loadFailed')} {pack.error.message}
        </Alert>
      )}
      {pack.data && (
        <>
          <WeeklyPackView pack={pack.data} />
          <WeeklyPackStories pack={pack.data} />
          <MeetingRecord week={week} meetings={pack.data.meetings} />
        </>
      )}
    </Stack>
  );
}
