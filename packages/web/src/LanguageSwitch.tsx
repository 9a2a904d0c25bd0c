import { useTranslation } from 'react-i18next';
import { LANGUAGES, type TLanguage } from './i18n.js';

const NAMES: Record<TLanguage, string> = { ko: '한국어', en: 'English' };

/** Each language is named in itself, so whoever cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switch" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
