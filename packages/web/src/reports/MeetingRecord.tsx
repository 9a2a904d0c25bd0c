import type { TMeeting } from '@hamkke/core';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.js';
import { canWork } from '../domain.js';
import { formatDateTime, fromLocalInput, toLocalInput } from '../format.js';
import { Markdown } from '../markdown/Markdown.js';
import { useUser } from '../shell/session.js';
import { reportsApi } from './api.js';
import { DecisionForm, DecisionList } from './MeetingDecisions.js';
import { useT } from './use-t.js';

/** The meetings held for the week (usually one), and for the team the form to record one. */
export function MeetingRecord({ week, meetings }: { week: string; meetings: TMeeting[] }) {
  const t = useT();
  const user = useUser();
  const isWorker = canWork(user.role);
  return (
    <section aria-label={t('reports.meeting.record')} className="report-section">
      <Title order={2} size="h4" mb="xs">
        {t('reports.meeting.record')}
      </Title>
      <Stack gap="md">
        {meetings.length === 0 && (
          <Text size="sm" c="gray.8">
            {t('reports.meeting.noMeeting')}
          </Text>
        )}
        {meetings.map((meeting) => (
          <Paper key={meeting.id} withBorder p="sm" data-meeting={meeting.id}>
            <Title order={3} size="h5">
              {t('reports.meeting.heldAt', { at: formatDateTime(meeting.heldAt) })}
            </Title>
            <Text size="sm">
              {t('reports.meeting.attendees')}:{' '}
              {[...meeting.attendees.map((a) => a.name), ...meeting.guests].join(', ') || '—'}
            </Text>
            {meeting.notes.trim() && (
              <div className="markdown">
                <Markdown text={meeting.notes} />
              </div>
            )}
            <DecisionList decisions={meeting.decisions} />
            {isWorker && <MeetingForm week={week} meeting={meeting} />}
            {isWorker && <DecisionForm meetingId={meeting.id} week={week} />}
          </Paper>
        ))}
        {isWorker && <MeetingForm week={week} isFirst={meetings.length === 0} />}
      </Stack>
    </section>
  );
}

/** Records a new meeting of the week, or (given one) corrects a saved meeting's time, attendees and notes. */
function MeetingForm({
  week,
  meeting,
  isFirst = false,
}: {
  week: string;
  meeting?: TMeeting;
  isFirst?: boolean;
}) {
  const t = useT();
  const client = useQueryClient();
  const [isOpen, setIsOpen] = useState(isFirst);
  const [heldAt, setHeldAt] = useState(() => toLocalInput(meeting?.heldAt ?? new Date().toISOString()));
  const [attendeeIds, setAttendeeIds] = useState<string[]>(() => meeting?.attendees.map((a) => a.id) ?? []);
  const [guests, setGuests] = useState<string[]>(() => meeting?.guests ?? []);
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const staff = useQuery({
    queryKey: ['users', 'active'],
    queryFn: async () => (await api.users()).items,
    select: (users) => users.filter((u) => u.role !== 'customer'),
  });
  const create = useMutation({
    mutationFn: () => {
      const record = { heldAt: fromLocalInput(heldAt) ?? '', attendeeIds, guests, notes };
      return meeting
        ? reportsApi.updateMeeting(meeting.id, record)
        : reportsApi.createMeeting({ week, ...record });
    },
    onSuccess: async () => {
      setIsOpen(false);
      if (!meeting) {
        setNotes('');
        setGuests([]);
      }
      await client.invalidateQueries({ queryKey: ['meetings', 'weekly', week] });
    },
  });
  if (!isOpen)
    return (
      <Button
        variant={meeting ? 'subtle' : 'default'}
        size={meeting ? 'compact-sm' : 'sm'}
        w="fit-content"
        className="no-print"
        onClick={() => setIsOpen(true)}
      >
        {meeting ? t('reports.meeting.editMeeting') : t('reports.meeting.addMeeting')}
      </Button>
    );
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      className="no-print"
      aria-label={meeting ? t('reports.meeting.editMeeting') : t('reports.meeting.newMeeting')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {meeting ? t('reports.meeting.editMeeting') : t('reports.meeting.newMeeting')}
        </Title>
        <TextInput
          type="datetime-local"
          label={t('reports.meeting.heldAtLabel')}
          value={heldAt}
          onChange={(e) => setHeldAt(e.currentTarget.value)}
          required
          w={240}
        />
        <MultiSelect
          label={t('reports.meeting.attendees')}
          data={(staff.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={attendeeIds}
          onChange={setAttendeeIds}
          searchable
        />
        <TagsInput label={t('reports.meeting.guests')} value={guests} onChange={setGuests} />
        <Textarea
          label={t('reports.meeting.notesLabel')}
          description={t('reports.meeting.notesHint')}
          styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={4}
        />
        {create.isError && (
          <Alert color="red" role="alert" variant="light" c="red.9">
            {create.error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            {t('reports.meeting.saveMeeting')}
          </Button>
          {!isFirst && (
            <Button variant="default" onClick={() => setIsOpen(false)}>
              {t('reports.report.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
