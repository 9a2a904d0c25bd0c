import type { TMailPreview, TMailTemplate } from '@hamkke/core';
import {
  Badge,
  Button,
  Code,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../shell/notify.js';
import { FormAlert } from './AdminFrame.js';
import { adminApi, NOTIFICATION_KINDS } from './api.js';
import { formErrorsOf, type TFormErrors, useFormErrors } from './form-errors.js';
import './messages-register.js';

const TEMPLATES = ['mail-templates'] as const;

/** Mail templates per kind and language, edited with a live preview; the server refuses unknown placeholders. */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: TEMPLATES,
    queryFn: async () => (await adminApi.templates()).items,
  });
  const [kind, setKind] = useState<string>('ticket_received');
  const [locale, setLocale] = useState<string>('ko');
  const template = templates.data?.find((x) => x.kind === kind && x.locale === locale);
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('admin.mail.templates')}</Text>
      <Group gap="sm">
        <Select
          label={t('admin.mail.kind')}
          data={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(`settings.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'ticket_received')}
          allowDeselect={false}
        />
        <Select
          label={t('admin.mail.templateLanguage')}
          data={[
            { value: 'ko', label: '한국어' },
            { value: 'en', label: 'English' },
          ]}
          value={locale}
          onChange={(v) => setLocale(v ?? 'ko')}
          allowDeselect={false}
        />
      </Group>
      {templates.isError && <FormAlert message={templates.error.message} />}
      {template && <TemplateEditor key={`${kind}-${locale}-${template.updatedAt}`} template={template} />}
    </Stack>
  );
}

function TemplateEditor({ template }: { template: TMailTemplate }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [isBusy, setIsBusy] = useState(false);
  const errors = useFormErrors();
  const [draft] = useDebouncedValue({ subject, body }, 400);
  const [preview, setPreview] = useState<TMailPreview | null>(null);
  const [previewErrors, setPreviewErrors] = useState<TFormErrors | null>(null);

  useEffect(() => {
    let isCurrent = true;
    adminApi.previewTemplate(template.kind, template.locale, draft).then(
      (result) => {
        if (!isCurrent) return;
        setPreview(result);
        setPreviewErrors(null);
      },
      (error: unknown) => {
        if (isCurrent) setPreviewErrors(formErrorsOf(error));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [draft, template.kind, template.locale]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    errors.clear();
    try {
      await adminApi.saveTemplate(template.kind, template.locale, { subject, body });
      await client.invalidateQueries({ queryKey: TEMPLATES });
      notify('teal', t('admin.saved'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setIsBusy(false);
    }
  }

  async function reset() {
    try {
      await adminApi.resetTemplate(template.kind, template.locale);
      await client.invalidateQueries({ queryKey: TEMPLATES });
    } catch (error) {
      errors.fail(error);
    }
  }

  const fieldError = (path: string) => errors.of(path) ?? previewErrors?.fields[path];
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group gap="xs">
              <Badge variant="light" color={template.isOverridden ? 'indigo' : 'gray'} c="dark.9">
                {template.isOverridden ? t('admin.mail.overridden') : t('admin.mail.builtIn')}
              </Badge>
            </Group>
            <Text size="xs" c="gray.8">
              {t('admin.mail.placeholders')}:{' '}
              {template.placeholders.map((p) => (
                <Code key={p} mr={4}>{`{{${p}}}`}</Code>
              ))}
            </Text>
            <TextInput
              label={t('admin.mail.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={fieldError('subject')}
            />
            <Textarea
              label={t('admin.mail.body')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={fieldError('body')}
              autosize
              minRows={8}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <FormAlert message={errors.errors.form} />
            <Group justify="flex-end">
              {template.isOverridden && (
                <Button variant="default" onClick={() => void reset()}>
                  {t('admin.mail.resetTemplate')}
                </Button>
              )}
              <Button type="submit" loading={isBusy}>
                {t('admin.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper withBorder p="sm" component="section" aria-label={t('admin.mail.preview')}>
          <Text size="xs" c="gray.8" fw={600}>
            {t('admin.mail.preview')}
          </Text>
          {preview && (
            <>
              <Text fw={600} size="sm" data-testid="preview-subject">
                {preview.subject}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-text">
                {preview.text}
              </Text>
            </>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
