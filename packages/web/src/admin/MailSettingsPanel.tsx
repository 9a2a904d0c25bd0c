import type { TMailSettings, TUpdateMailSettings } from '@hamkke/core';
import { Badge, Button, Group, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../shell/notify.js';
import { FormAlert, READABLE } from './AdminFrame.js';
import { adminApi } from './api.js';
import { useFormErrors } from './form-errors.js';
import './messages-register.js';

const SETTINGS = ['mail-settings'] as const;

/** The outgoing SMTP server: the password is write-only (the API says only whether one is set). */
export function MailSettingsPanel() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS, queryFn: adminApi.mailSettings });
  if (settings.isError) return <FormAlert message={settings.error.message} />;
  if (!settings.data) return null;
  return <MailSettingsForm key={settings.data.updatedAt ?? 'none'} settings={settings.data} t={t} />;
}

function MailSettingsForm({
  settings,
  t,
}: {
  settings: TMailSettings;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  const client = useQueryClient();
  const [smtpUrl, setSmtpUrl] = useState(settings.smtpUrl ?? '');
  const [from, setFrom] = useState(settings.from ?? '');
  const [password, setPassword] = useState('');
  const [isEnabled, setIsEnabled] = useState(settings.isEnabled);
  const [isBusy, setIsBusy] = useState(false);
  const errors = useFormErrors();

  async function submit(event: FormEvent, clearPassword = false) {
    event.preventDefault();
    setIsBusy(true);
    errors.clear();
    const change: TUpdateMailSettings = {
      smtpUrl: smtpUrl.trim() === '' ? null : smtpUrl.trim(),
      from: from.trim() === '' ? null : from.trim(),
      isEnabled,
    };
    if (clearPassword) change.password = null;
    else if (password !== '') change.password = password;
    try {
      const saved = await adminApi.saveMailSettings(change);
      setPassword('');
      client.setQueryData(SETTINGS, saved);
      notify('teal', t('admin.saved'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="smtp-title">
      <Stack gap="sm" maw={620}>
        <Text id="smtp-title" fw={600}>
          {t('admin.mail.smtp')}
        </Text>
        <Group gap="xs">
          <Badge
            variant="light"
            color={settings.isSending ? 'teal' : 'orange'}
            c="dark.9"
            data-testid="mail-sending"
          >
            {settings.isSending ? t('admin.mail.sending') : t('admin.mail.notSending')}
          </Badge>
          <Text size="xs" c="gray.8">
            {t(`admin.mail.source.${settings.source}`)}
          </Text>
        </Group>
        <TextInput
          label={t('admin.mail.smtpUrl')}
          styles={READABLE}
          description={t('admin.mail.smtpUrlHint')}
          value={smtpUrl}
          onChange={(e) => setSmtpUrl(e.currentTarget.value)}
          error={errors.of('smtpUrl')}
        />
        <PasswordInput
          label={t('admin.mail.password')}
          styles={READABLE}
          description={settings.hasPassword ? t('admin.mail.passwordSet') : t('admin.mail.passwordNone')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.of('password')}
          autoComplete="new-password"
        />
        <TextInput
          label={t('admin.mail.from')}
          styles={READABLE}
          description={t('admin.mail.fromHint')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={errors.of('from')}
        />
        <Switch
          label={t('admin.mail.isEnabled')}
          checked={isEnabled}
          onChange={(e) => setIsEnabled(e.currentTarget.checked)}
        />
        <FormAlert message={errors.errors.form} />
        <Group justify="flex-end">
          {settings.hasPassword && (
            <Button variant="default" onClick={(e) => void submit(e, true)} disabled={isBusy}>
              {t('admin.mail.clearPassword')}
            </Button>
          )}
          <Button type="submit" loading={isBusy}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
