import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'locales');

/** One JSON file per namespace and language: locales/<lng>/<namespace>.json. */
function loadResources() {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of LOCALES) {
    resources[lng] = {};
    for (const file of readdirSync(join(LOCALE_DIR, lng)).filter((f) => f.endsWith('.json'))) {
      resources[lng][file.slice(0, -5)] = JSON.parse(
        readFileSync(join(LOCALE_DIR, lng, file), 'utf8'),
      );
    }
  }
  return resources;
}

const i18n = i18next.createInstance();
await i18n.init({
  resources: loadResources(),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  defaultNS: 'errors',
  interpolation: { escapeValue: false },
  initAsync: false,
  // i18next otherwise prints an advertisement on stdout, which would corrupt `puente … --json`.
  showSupportNotice: false,
});

export const translator = (locale: Locale): TFunction => i18n.getFixedT(locale);

export const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/** Picks the best supported language from an Accept-Language header ("es-MX,es;q=0.9,en;q=0.5"). */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? fallback;
}

/** The language of the command line: PUENTE_LANG, then LC_ALL / LC_MESSAGES / LANG. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  for (const v of [env.PUENTE_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const lang = v?.toLowerCase().split(/[_.-]/)[0];
    if (lang && isLocale(lang)) return lang;
  }
  return 'en';
}

/**
 * The message of a refused import: one per problem, with its reason (a CSV or mapping fault)
 * translated too. Reasons that come from a parser keep the parser's words.
 */
export function invalidFileMessage(t: TFunction, params: Record<string, string | number>): string {
  const reason =
    params.reason === undefined
      ? undefined
      : t(`errors:importReason.${params.reason}`, {
          ...params,
          defaultValue: String(params.reason),
        });
  return t(`errors:invalidFile.${params.problem}`, { ...params, reason });
}
