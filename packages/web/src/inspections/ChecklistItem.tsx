import type { TInspection, TTicketStatus } from '@hamkke/core';
import { Anchor, Button, FileButton, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { useT } from '../team/use-t.js';
import { inspectionApi } from './api.js';

type TItem = TInspection['items'][number];
type TResult = 'ok' | 'warning' | 'failed';
const RESULTS: readonly TResult[] = ['ok', 'warning', 'failed'];
const COLORS: Record<TResult, string> = { ok: 'teal', warning: 'orange', failed: 'red' };

/** One check: its guide and expected result, the answer (a choice saves it), note, evidence, follow-up. */
export function ChecklistItem({
  ticketRef,
  item,
  canEdit,
  apply,
}: {
  ticketRef: string;
  item: TItem;
  canEdit: boolean;
  apply: (action: () => Promise<TInspection>, done?: string) => Promise<void>;
}) {
  const t = useT();
  const answer = item.answer;
  const [note, setNote] = useState(answer?.note ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const attachmentIds = (answer?.attachments ?? []).map((a) => a.id);

  async function save(result: TResult, done?: string) {
    await apply(() => inspectionApi.answer(ticketRef, item.id, { result, note, attachmentIds }), done);
  }
  async function busyWith(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    try {
      await action();
    } catch {
      // The panel shows the refusal.
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper
      withBorder
      p="xs"
      data-item={item.id}
      style={answer ? { borderLeft: `4px solid var(--mantine-color-${COLORS[answer.result]}-7)` } : undefined}
    >
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {item.title}
        </Text>
        {item.guide && (
          <Text size="xs" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
            {item.guide}
          </Text>
        )}
        {item.expected && (
          <Text size="xs" c="gray.8">
            {t('inspection.panel.expected', { text: item.expected })}
          </Text>
        )}
        <Radio.Group
          label={t('inspection.panel.resultOf', { item: item.title })}
          value={answer?.result ?? null}
          onChange={(value) => void busyWith('result', () => save(value as TResult))}
          styles={{
            label: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' },
          }}
        >
          <Group gap="md">
            {RESULTS.map((r) => (
              <Radio
                key={r}
                value={r}
                label={t(`inspection.panel.result.${r}`)}
                color={COLORS[r]}
                disabled={!canEdit || busy !== null}
              />
            ))}
          </Group>
        </Radio.Group>
        {canEdit ? (
          <Group align="flex-end" gap="xs">
            <Textarea
              aria-label={t('inspection.panel.noteOf', { item: item.title })}
              placeholder={t('inspection.panel.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
              style={{ flex: 1 }}
            />
            <Button
              size="compact-sm"
              variant="default"
              disabled={!answer || note === answer.note}
              loading={busy === 'note'}
              onClick={() =>
                answer && void busyWith('note', () => save(answer.result, t('inspection.panel.saved')))
              }
            >
              {t('inspection.panel.saveNote')}
            </Button>
            <FileButton
              onChange={(file) =>
                file &&
                answer &&
                void busyWith('file', () =>
                  apply(async () => {
                    const attachment = await inspectionApi.upload(ticketRef, file);
                    return inspectionApi.answer(ticketRef, item.id, {
                      result: answer.result,
                      note,
                      attachmentIds: [...attachmentIds, attachment.id],
                    });
                  }, t('inspection.panel.saved')),
                )
              }
            >
              {(props) => (
                <Button
                  {...props}
                  size="compact-sm"
                  variant="default"
                  disabled={!answer}
                  loading={busy === 'file'}
                  aria-label={t('inspection.panel.evidenceOf', { item: item.title })}
                >
                  {t('inspection.panel.evidence')}
                </Button>
              )}
            </FileButton>
          </Group>
        ) : (
          answer?.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {answer.note}
            </Text>
          )
        )}
        {answer && answer.attachments.length > 0 && (
          <Group gap="xs">
            {answer.attachments.map((a) => (
              <Anchor key={a.id} href={api.attachmentUrl(a.ticketId, a.id)} size="xs" c="indigo.9">
                {a.filename}
              </Anchor>
            ))}
          </Group>
        )}
        {answer?.answeredBy && (
          <Text size="xs" c="gray.8">
            {t('inspection.panel.answeredBy', {
              name: answer.answeredBy.name,
              at: formatDateTime(answer.answeredAt),
            })}
          </Text>
        )}
        {answer?.followUp && (
          <Text size="sm">
            <AnchorLink to="/tickets/$ref" params={{ ref: answer.followUp.number }} c="indigo.9" fw={600}>
              {t('inspection.panel.followUpLink', {
                number: answer.followUp.number,
                status: t(`status.${answer.followUp.status as TTicketStatus}`),
              })}
            </AnchorLink>
          </Text>
        )}
        {canEdit && answer?.result === 'failed' && !answer.followUp && (
          <Button
            size="compact-sm"
            color="red.9"
            loading={busy === 'follow'}
            onClick={() =>
              void busyWith('follow', () =>
                apply(async () => {
                  const ticket = await inspectionApi.followUp(ticketRef, item.id);
                  notify('teal', t('inspection.panel.followUpMade', { number: ticket.number }));
                  return inspectionApi.inspection(ticketRef);
                }),
              )
            }
            aria-label={t('inspection.panel.followUpOf', { item: item.title })}
          >
            {t('inspection.panel.followUp')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
