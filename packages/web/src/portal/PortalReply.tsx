import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../shell/notify.js';
import { portalApi } from './api.js';
import { FileDrop } from './FileDrop.js';
import './messages.js';

/** The customer's reply: always public (the portal has no internal notes), Markdown and files. */
export function PortalReply({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim() && files.length === 0) return;
    setIsBusy(true);
    setError(null);
    try {
      if (body.trim()) await portalApi.addComment(ticketId, body);
      setBody('');
      // One by one, so that a refused file leaves the rest to send again.
      const left = [...files];
      while (left.length > 0) {
        await portalApi.addAttachment(ticketId, left[0]!);
        left.shift();
        setFiles([...left]);
      }
      notify('teal', t('portal.reply.sent'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsBusy(false);
      void client.invalidateQueries({ queryKey: ['timeline', ticketId] });
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'ticket' });
    }
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={send} aria-labelledby={`${id}-label`}>
      <Stack gap="xs">
        <Text id={`${id}-label`} fw={600} size="sm">
          {t('portal.reply.label')}
        </Text>
        <Textarea
          aria-label={t('portal.reply.body')}
          placeholder={t('portal.reply.placeholder')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={50000}
        />
        <FileDrop files={files} onChange={setFiles} label={t('portal.create.files')} />
        {error && (
          <Alert color="red" role="alert" title={t('portal.reply.failed')}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={isBusy} disabled={!body.trim() && files.length === 0}>
            {t('portal.reply.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
