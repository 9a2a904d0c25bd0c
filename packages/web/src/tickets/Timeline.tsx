import type { TTimelineItem } from '@hamkke/core';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { formatDateTime } from '../format.js';
import { Markdown } from '../markdown/Markdown.js';

const FIELD_KEYS = new Set([
  'status',
  'priority',
  'assigneeId',
  'assignee',
  'title',
  'description',
  'module',
  'systemId',
  'type',
  'impact',
  'urgency',
  'team',
  'tags',
  'plannedStart',
  'plannedEnd',
  'inspection',
  'inspection_item',
  'inspection_follow_up',
  'origin',
]);

type TInspectionValue = {
  template?: string;
  version?: number;
  item?: string;
  result?: 'ok' | 'warning' | 'failed';
  note?: string | null;
  number?: string;
  inspection?: string;
  completed?: boolean;
  ok?: number;
  warning?: number;
  failed?: number;
  total?: number;
};

/** The inspection events' values (checklist started, item answered, follow-up opened, completed) in words. */
function inspectionText(t: TFunction, v: TInspectionValue): string {
  const result = (r: 'ok' | 'warning' | 'failed') =>
    t(`timeline.inspectionResult.${r}` as 'timeline.inspectionResult.ok');
  if (v.completed)
    return t('timeline.inspectionDone', { ok: v.ok, warning: v.warning, failed: v.failed, total: v.total });
  if (v.template) return `${v.template} v${v.version ?? 1}`;
  if (v.inspection) return `${v.inspection} · ${v.item ?? ''}`;
  if (v.number) return `${v.item ?? ''} → ${v.number}`;
  if (v.result) return `${v.item ?? ''}: ${result(v.result)}${v.note ? ` — ${v.note}` : ''}`;
  return v.item ?? '';
}

function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (field === 'status' && typeof value === 'string') return t(`status.${value}` as 'status.new');
  if (field === 'type' && typeof value === 'string') return t(`type.${value}` as 'type.inquiry');
  if ((field === 'impact' || field === 'urgency') && typeof value === 'string')
    return t(`level.${value}` as 'level.high');
  if ((field === 'plannedStart' || field === 'plannedEnd') && typeof value === 'string')
    return formatDateTime(value);
  if (field.startsWith('inspection') || field === 'origin')
    return typeof value === 'object' ? inspectionText(t, value as TInspectionValue) : String(value);
  if (typeof value === 'object' && value !== null && 'name' in value)
    return String((value as { name: unknown }).name);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

const fieldName = (t: TFunction, field: string) =>
  FIELD_KEYS.has(field) ? t(`timeline.fields.${field}` as 'timeline.fields.status') : field;

/**
 * The ticket's history, oldest first: public replies, internal notes (set apart in yellow and named
 * so), attachments, time entries, field changes and SLA news.
 */
export function Timeline({ items, ticketId }: { items: TTimelineItem[]; ticketId: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t('timeline.empty')}</Text>;
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => {
        const isInternal = item.visibility === 'internal';
        const who = item.actor?.name ?? t('timeline.system');
        return (
          <Paper
            key={item.id}
            component="li"
            withBorder
            p="sm"
            bg={isInternal ? 'yellow.0' : undefined}
            style={
              isInternal ? { borderColor: 'var(--mantine-color-yellow-6)', borderLeftWidth: 4 } : undefined
            }
            data-kind={item.kind}
            data-visibility={item.visibility}
          >
            <Group gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                {who}
              </Text>
              {isInternal && <span className="internal-badge">{t('timeline.internal')}</span>}
              <Text size="xs" c="gray.8" component="time" dateTime={item.at}>
                {formatDateTime(item.at)}
              </Text>
            </Group>
            {item.kind === 'created' && <Text size="sm">{t('timeline.created')}</Text>}
            {item.kind === 'comment' && <Markdown text={item.comment.body} />}
            {item.kind === 'changed' && (
              <Stack gap={2}>
                {item.changes.map((change) => (
                  <Text key={change.field} size="sm">
                    {t('timeline.field', {
                      field: fieldName(t, change.field),
                      from: valueText(t, change.field, change.from),
                      to: valueText(t, change.field, change.to),
                    })}
                  </Text>
                ))}
              </Stack>
            )}
            {item.kind === 'attachment' && (
              <Text size="sm">
                {t('timeline.attachment')}:{' '}
                <Anchor href={api.attachmentUrl(ticketId, item.attachment.id)} c="indigo.9">
                  {item.attachment.filename}
                </Anchor>{' '}
                ({Math.ceil(item.attachment.size / 1024)} KB)
              </Text>
            )}
            {item.kind === 'time_entry' && (
              <Text size="sm">
                {t('timeline.timeEntry', { minutes: item.timeEntry.minutes })} · {item.timeEntry.date}
                {item.timeEntry.note ? ` · ${item.timeEntry.note}` : ''}
              </Text>
            )}
            {item.kind === 'sla' && (
              <Text size="sm">
                {t('timeline.sla')}:{' '}
                {Object.entries(item.sla)
                  .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                  .join(', ')}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
