import { Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api.js';
import { LANGUAGES, type TLanguage } from './i18n.js';
import { ME, useMe } from './shell/session.js';

const NAMES: Record<TLanguage, string> = { ko: '한국어', en: 'English' };

/**
 * Each language is named in itself, so whoever cannot read the current one still finds theirs. A
 * signed-in user's choice is saved on their profile, so it follows them to any browser.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: user } = useMe();
  const client = useQueryClient();
  const choose = (language: TLanguage) => {
    void i18n.changeLanguage(language);
    if (user && user.locale !== language)
      api.updateUser(user.id, { locale: language }).then(
        (saved) => client.setQueryData(ME, saved),
        () => undefined,
      );
  };
  return (
    <Group gap={4} role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="compact-sm"
          variant={i18n.language === language ? 'filled' : 'subtle'}
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => choose(language)}
        >
          {NAMES[language]}
        </Button>
      ))}
    </Group>
  );
}
