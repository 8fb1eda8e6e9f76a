import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enModel from '../../../src/i18n/locales/en/model.json';
import enTracing from '../../../src/i18n/locales/en/tracing.json';
import enWeb from '../../../src/i18n/locales/en/web.json';
import esModel from '../../../src/i18n/locales/es/model.json';
import esTracing from '../../../src/i18n/locales/es/tracing.json';
import esWeb from '../../../src/i18n/locales/es/web.json';
import frModel from '../../../src/i18n/locales/fr/model.json';
import frTracing from '../../../src/i18n/locales/fr/tracing.json';
import frWeb from '../../../src/i18n/locales/fr/web.json';

// The catalogues live with the server's (src/i18n/locales) so translators have one place.
export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'puente.language';

const isLanguage = (s: string | null | undefined): s is Language =>
  (LANGUAGES as readonly (string | null | undefined)[]).includes(s);

/** The stored choice, else the browser's first supported language, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.languages.map((l) => l.split('-')[0]).find(isLanguage) ?? 'en';
}

void i18next.use(initReactI18next).init({
  resources: {
    en: { web: enWeb, model: enModel, tracing: enTracing },
    es: { web: esWeb, model: esModel, tracing: esTracing },
    fr: { web: frWeb, model: frModel, tracing: frTracing },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: ['web', 'model', 'tracing'],
  defaultNS: 'web',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

const applyLanguage = (lng: string) => {
  document.documentElement.lang = lng;
};
applyLanguage(i18next.language);
i18next.on('languageChanged', applyLanguage);

/** Switches the whole app at once and remembers the choice in this browser. */
export function chooseLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  void i18next.changeLanguage(lng);
}

export default i18next;
