import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.js';
import { ko, type TMessages } from './locales/ko.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TMessages };
  }
}

export const LANGUAGES = ['ko', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'hamkke.language';

function storedLanguage(): TLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

/**
 * Korean first; English on request. Before sign-in the choice is kept in this browser; once signed
 * in it is the user's own (`users.locale`), which the language switch saves and sign-in applies.
 */
void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'ko',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
});

export const currentLanguage = (): TLanguage => (i18n.language === 'en' ? 'en' : 'ko');

export default i18n;
