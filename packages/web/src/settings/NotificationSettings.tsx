import type { TNotificationPreference } from '@hamkke/core';
import { Button, Group, Loader, Paper, Radio, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, READABLE } from '../admin/AdminFrame.js';
import { adminApi } from '../admin/api.js';
import { useFormErrors } from '../admin/form-errors.js';
import { api } from '../api.js';
import { LANGUAGES, type TLanguage } from '../i18n.js';
import { notify } from '../shell/notify.js';
import { ME, useUser } from '../shell/session.js';
import '../admin/messages-register.js';

const PREFERENCES = ['notification-preferences'] as const;
const LANGUAGE_NAMES: Record<TLanguage, string> = { ko: '한국어', en: 'English' };

/** Every signed-in user's own settings: which notifications come in the app and by mail, and the language. */
export function NotificationSettings() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={760} className="hamkke-admin">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Preferences />
      <LanguageChoice />
    </Stack>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery({
    queryKey: PREFERENCES,
    queryFn: async () => (await adminApi.preferences()).items,
  });
  const [draft, setDraft] = useState<TNotificationPreference[] | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const errors = useFormErrors();
  const rows = draft ?? saved.data ?? [];

  const toggle = (kind: string, channel: 'inApp' | 'email', isOn: boolean) =>
    setDraft(rows.map((row) => (row.kind === kind ? { ...row, [channel]: isOn } : row)));

  async function save() {
    if (!draft) return;
    setIsBusy(true);
    errors.clear();
    try {
      const result = await adminApi.savePreferences(draft);
      client.setQueryData(PREFERENCES, result.items);
      setDraft(null);
      notify('teal', t('settings.saved'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby="notifications-title">
      <Title order={2} size="h4" id="notifications-title" mb="xs">
        {t('settings.notifications')}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {t('settings.notificationsHint')}
      </Text>
      {saved.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {saved.isError && <FormAlert message={saved.error.message} />}
      {rows.length > 0 && (
        <Paper withBorder>
          <Table aria-labelledby="notifications-title" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.kind')}</Table.Th>
                <Table.Th>{t('settings.inApp')}</Table.Th>
                <Table.Th>{t('settings.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.kind}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`settings.kinds.${row.kind}`)}
                    </Text>
                    <Text size="xs" c="gray.8">
                      {t(`settings.kindHints.${row.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('settings.inAppOf', { kind: t(`settings.kinds.${row.kind}`) })}
                      checked={row.inApp}
                      onChange={(e) => toggle(row.kind, 'inApp', e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('settings.emailOf', { kind: t(`settings.kinds.${row.kind}`) })}
                      checked={row.email}
                      onChange={(e) => toggle(row.kind, 'email', e.currentTarget.checked)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <FormAlert message={errors.errors.form ?? Object.values(errors.errors.fields)[0] ?? null} />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" disabled={!draft} onClick={() => setDraft(null)}>
          {t('admin.cancel')}
        </Button>
        <Button disabled={!draft} loading={isBusy} onClick={() => void save()}>
          {t('admin.save')}
        </Button>
      </Group>
    </section>
  );
}

function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const client = useQueryClient();
  const errors = useFormErrors();

  async function choose(value: string) {
    const language: TLanguage = value === 'en' ? 'en' : 'ko';
    errors.clear();
    try {
      const saved = await api.updateUser(user.id, { locale: language });
      client.setQueryData(ME, saved);
      await i18n.changeLanguage(language);
      notify('teal', t('settings.saved'));
    } catch (error) {
      errors.fail(error);
    }
  }

  return (
    <section aria-labelledby="language-title">
      <Title order={2} size="h4" id="language-title" mb="xs">
        {t('settings.language')}
      </Title>
      <Radio.Group
        value={user.locale}
        onChange={(v) => void choose(v)}
        aria-labelledby="language-title"
        styles={READABLE}
        description={t('settings.languageHint')}
        error={errors.of('locale')}
      >
        <Group mt="xs">
          {LANGUAGES.map((language) => (
            <Radio key={language} value={language} label={LANGUAGE_NAMES[language]} lang={language} />
          ))}
        </Group>
      </Radio.Group>
      <FormAlert message={errors.errors.form} />
    </section>
  );
}
