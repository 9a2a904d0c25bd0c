import type { TMeetingDecision } from '@hamkke/core';
import {
  Alert,
  Button,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AnchorLink } from '../shell/AnchorLink.js';
import { reportsApi } from './api.js';
import { usePickerData } from './queries.js';
import { useT } from './use-t.js';

/** The decisions of a meeting, each with what it became: an improvement item or a ticket (linked). */
export function DecisionList({ decisions }: { decisions: TMeetingDecision[] }) {
  const t = useT();
  if (decisions.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mt="xs">
        {t('reports.meeting.decisions')}
      </Text>
      <List size="sm" spacing={4} aria-label={t('reports.meeting.decisions')}>
        {decisions.map((d) => (
          <List.Item key={d.id} data-decision={d.id}>
            <span className="pre-line">{d.text}</span>
            {' → '}
            {d.improvement && (
              <AnchorLink to="/improvements/$id" params={{ id: d.improvement.id }} c="indigo.9" size="sm">
                {t('reports.meeting.becameImprovement', { title: d.improvement.title })}
              </AnchorLink>
            )}
            {d.ticket && (
              <AnchorLink to="/tickets/$ref" params={{ ref: d.ticket.number }} c="indigo.9" size="sm">
                {t('reports.meeting.becameTicket', { number: d.ticket.number, title: d.ticket.title })}
              </AnchorLink>
            )}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** Records a decision; in one step it becomes an improvement item (B or C) or a customer's ticket. */
export function DecisionForm({ meetingId, week }: { meetingId: string; week: string }) {
  const t = useT();
  const client = useQueryClient();
  const { organizations } = usePickerData();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [becomes, setBecomes] = useState<'improvement' | 'ticket'>('improvement');
  const [kind, setKind] = useState<'B' | 'C'>('B');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: () =>
      reportsApi.addDecision(
        meetingId,
        becomes === 'improvement'
          ? { text, becomes, kind, ...(title.trim() ? { title: title.trim() } : {}) }
          : {
              text,
              becomes,
              organizationId: organizationId ?? '',
              type: 'request',
              ...(title.trim() ? { title: title.trim() } : {}),
            },
      ),
    onSuccess: async () => {
      setText('');
      setTitle('');
      await client.invalidateQueries({ queryKey: ['meetings', 'weekly', week] });
    },
  });
  return (
    <Stack
      gap="xs"
      mt="sm"
      component="form"
      className="no-print"
      aria-label={t('reports.meeting.newDecision')}
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <Textarea
        label={t('reports.meeting.decisionText')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
        required
      />
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label={t('reports.meeting.becomes')}
          value={becomes}
          onChange={(v) => setBecomes(v === 'ticket' ? 'ticket' : 'improvement')}
          data={[
            { value: 'improvement', label: t('reports.meeting.toImprovement') },
            { value: 'ticket', label: t('reports.meeting.toTicket') },
          ]}
        />
        {becomes === 'improvement' ? (
          <Select
            label={t('reports.meeting.kind')}
            data={[
              { value: 'B', label: t('reports.meeting.kinds.B') },
              { value: 'C', label: t('reports.meeting.kinds.C') },
            ]}
            value={kind}
            onChange={(v) => setKind(v === 'C' ? 'C' : 'B')}
            allowDeselect={false}
            w={220}
          />
        ) : (
          <Select
            label={t('reports.meeting.customer')}
            data={organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
            value={organizationId}
            onChange={setOrganizationId}
            searchable
            required
            w={240}
          />
        )}
        <TextInput
          label={t('reports.meeting.decisionTitle')}
          placeholder={t('reports.meeting.decisionTitleHint')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          w={260}
        />
        <Button type="submit" loading={record.isPending} disabled={!text.trim()}>
          {t('reports.meeting.recordDecision')}
        </Button>
      </Group>
      {record.isError && (
        <Alert color="red" role="alert" variant="light" c="red.9">
          {record.error.message}
        </Alert>
      )}
    </Stack>
  );
}
