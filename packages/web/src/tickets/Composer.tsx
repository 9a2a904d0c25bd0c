import type { TUser } from '@hamkke/core';
import {
  Alert,
  Button,
  CloseButton,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { Markdown, mentionToken } from '../markdown/Markdown.js';
import { notify } from '../shell/notify.js';

type TVisibility = 'public' | 'internal';

/** The @word being typed just before the caret, if any. */
const MENTION_QUERY = /(^|\s)@([^\s@[\]()]{0,30})$/;

/**
 * The reply or internal note of a ticket: Markdown (previewed as it will show), files by drag and
 * drop, and @mentions that insert the token the server reads, `@[이름](user:<uuid>)`.
 */
export function Composer({
  ticketRef,
  ticketId,
  staff,
}: {
  ticketRef: string;
  ticketId: string;
  staff: TUser[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [visibility, setVisibility] = useState<TVisibility>('public');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [isOver, setIsOver] = useState(false);
  const [isPreview, setIsPreview] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mention, setMention] = useState<{ query: string; index: number } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const matches = mention
    ? staff.filter((u) => u.name.toLowerCase().includes(mention.query.toLowerCase())).slice(0, 6)
    : [];

  const readMention = (text: string, caret: number) => {
    const found = MENTION_QUERY.exec(text.slice(0, caret));
    setMention(found ? { query: found[2] ?? '', index: 0 } : null);
  };

  const insertMention = (user: TUser) => {
    const textarea = area.current;
    const caret = textarea?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@([^\s@[\]()]{0,30})$/, '');
    const token = `${mentionToken(user.name, user.id)} `;
    const next = before + token + body.slice(caret);
    setBody(next);
    setMention(null);
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(before.length + token.length, before.length + token.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!mention || matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setMention({ ...mention, index: (mention.index + step + matches.length) % matches.length });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insertMention(matches[mention.index] ?? matches[0]!);
    } else if (event.key === 'Escape') setMention(null);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    setFiles((current) => [...current, ...Array.from(event.dataTransfer.files)]);
  };

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim() && files.length === 0) return;
    setIsBusy(true);
    setError(null);
    try {
      if (body.trim()) await api.addComment(ticketRef, body, visibility);
      setBody('');
      // One by one, so that a refused file leaves the rest of the list to send again.
      while (files.length > 0) {
        await api.addAttachment(ticketRef, files[0]!, visibility);
        files.shift();
        setFiles([...files]);
      }
      notify('teal', t('composer.sent'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsBusy(false);
      void client.invalidateQueries({ queryKey: ['timeline', ticketId] });
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'ticket' });
    }
  }

  const listId = `${id}-mentions`;
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={send}
      aria-labelledby={`${id}-label`}
      bg={visibility === 'internal' ? 'yellow.0' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text id={`${id}-label`} fw={600} size="sm">
            {t('composer.label')}
          </Text>
          <SegmentedControl
            size="xs"
            value={visibility}
            onChange={(v) => setVisibility(v as TVisibility)}
            data={[
              { value: 'public', label: t('composer.reply') },
              { value: 'internal', label: t('composer.note') },
            ]}
            aria-label={t('composer.label')}
          />
        </Group>
        {isPreview ? (
          <Paper p="xs" withBorder mih={96}>
            <Markdown text={body} />
          </Paper>
        ) : (
          <Textarea
            ref={area}
            aria-label={visibility === 'public' ? t('composer.reply') : t('composer.note')}
            placeholder={t('composer.placeholder')}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              readMention(e.currentTarget.value, e.currentTarget.selectionStart);
            }}
            onKeyDown={onKeyDown}
            autosize
            minRows={4}
            aria-controls={matches.length > 0 ? listId : undefined}
            aria-autocomplete="list"
          />
        )}
        {matches.length > 0 && !isPreview && (
          <Paper withBorder p={4} shadow="sm">
            <div id={listId} role="listbox" aria-label={t('composer.mentions')}>
              {matches.map((user, index) => (
                <div
                  key={user.id}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === mention?.index}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    insertMention(user);
                  }}
                  style={{
                    padding: '2px 6px',
                    cursor: 'pointer',
                    background: index === mention?.index ? 'var(--mantine-color-indigo-0)' : undefined,
                  }}
                >
                  {user.name}
                </div>
              ))}
            </div>
          </Paper>
        )}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file button in it is the keyboard's way. */}
        <div
          className="dropzone"
          data-over={isOver}
          onDragOver={(e) => {
            e.preventDefault();
            setIsOver(true);
          }}
          onDragLeave={() => setIsOver(false)}
          onDrop={onDrop}
        >
          <Group justify="center" gap="xs">
            <Text size="sm">{t('composer.dropFiles')}</Text>
            <FileButton multiple onChange={(chosen) => setFiles((current) => [...current, ...chosen])}>
              {(props) => (
                <Button {...props} size="compact-xs" variant="default">
                  {t('composer.chooseFiles')}
                </Button>
              )}
            </FileButton>
          </Group>
          {files.map((file, index) => (
            <Group key={`${file.name}-${file.size}-${file.lastModified}`} gap={4} justify="center">
              <Text size="xs">
                {file.name} ({Math.ceil(file.size / 1024)} KB)
              </Text>
              <CloseButton
                size="xs"
                aria-label={t('composer.removeFile', { name: file.name })}
                onClick={() => setFiles(files.filter((_, n) => n !== index))}
              />
            </Group>
          ))}
        </div>
        {error && (
          <Alert color="red" role="alert" title={t('composer.failed')}>
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Button size="xs" variant="subtle" onClick={() => setIsPreview((p) => !p)} aria-pressed={isPreview}>
            {t('composer.preview')}
          </Button>
          <Button type="submit" loading={isBusy} disabled={!body.trim() && files.length === 0}>
            {t('composer.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
