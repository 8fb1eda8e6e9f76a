import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from './i18n';

/** Each language named in itself, so a reader finds theirs whatever is on screen. */
const ENDONYMS: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => chooseLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {ENDONYMS[lng]}
          </option>
        ))}
      </select>
    </div>
  );
}
