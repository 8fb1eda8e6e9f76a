import { PACIFIC_PORTS } from '../ports.js';
import { foldWithOrigin, originalOf, phrasePattern, type FoldedText } from './folded.js';

/**
 * The party countries as readouts name them, in English, Spanish and French: names, short
 * forms and demonyms. Data, not policy: extend it here.
 */
const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: [
    'United States of America',
    'United States',
    'U.S.A.',
    'USA',
    'U.S.',
    'US',
    'American',
    'Americans',
    'Estados Unidos de América',
    'Estados Unidos',
    'EE. UU.',
    'EE.UU.',
    'EEUU',
    'EUA',
    'estadounidense',
    'estadounidenses',
    'États-Unis',
    'américain',
    'américaine',
    'américains',
  ],
  MX: [
    'Mexico',
    'Mexique',
    'Mexican',
    'Mexicans',
    'mexicano',
    'mexicana',
    'mexicanos',
    'mexicain',
    'mexicaine',
    'mexicains',
  ],
  CA: [
    'Canada',
    'Canadian',
    'Canadians',
    'canadiense',
    'canadienses',
    'canadien',
    'canadienne',
    'canadiens',
  ],
};

/** Short forms that are also words ("us"): they count only as written, in capitals. */
const CAPITALS_ONLY = new Set(['US', 'USA', 'EUA', 'EEUU']);

/**
 * Places the committees meet at or talk about, with their country. The dateline of a readout
 * and "in …"/"en …"/"à …" phrases are read against it; the Pacific ports come from ports.ts.
 */
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['Washington, D.C.', 'US'],
  ['Washington', 'US'],
  ['San Diego', 'US'],
  ['El Paso', 'US'],
  ['Laredo', 'US'],
  ['Calexico', 'US'],
  ['Tucson', 'US'],
  ['Phoenix', 'US'],
  ['Houston', 'US'],
  ['McAllen', 'US'],
  ['Brownsville', 'US'],
  ['Miami', 'US'],
  ['Chicago', 'US'],
  ['New York', 'US'],
  ['Nueva York', 'US'],
  ['Detroit', 'US'],
  ['Ciudad de México', 'MX'],
  ['Mexico City', 'MX'],
  ['CDMX', 'MX'],
  ['Monterrey', 'MX'],
  ['Guadalajara', 'MX'],
  ['Tijuana', 'MX'],
  ['Mexicali', 'MX'],
  ['Ciudad Juárez', 'MX'],
  ['Nuevo Laredo', 'MX'],
  ['Nogales', 'MX'],
  ['Hermosillo', 'MX'],
  ['Culiacán', 'MX'],
  ['Reynosa', 'MX'],
  ['Matamoros', 'MX'],
  ['Cancún', 'MX'],
  ['Mérida', 'MX'],
  ['Puebla', 'MX'],
  ['Querétaro', 'MX'],
  ['Oaxaca', 'MX'],
  ['Ottawa', 'CA'],
  ['Toronto', 'CA'],
  ['Montréal', 'CA'],
  ['Québec', 'CA'],
  ['Calgary', 'CA'],
  ['Windsor', 'CA'],
  ['Halifax', 'CA'],
  ['Winnipeg', 'CA'],
];

const US_PORTS = ['Long Beach', 'Los Angeles', 'Oakland', 'Seattle', 'Tacoma'];
const CA_PORTS = ['Vancouver', 'Prince Rupert'];
const ALL_PLACES: ReadonlyArray<readonly [string, string]> = [
  ...PLACES,
  ...PACIFIC_PORTS.map((p): readonly [string, string] => [
    p,
    US_PORTS.includes(p) ? 'US' : CA_PORTS.includes(p) ? 'CA' : 'MX',
  ]),
];

export interface Mention {
  /** As written in the text. */
  text: string;
  index: number;
  end: number;
  /** The country code; for a place, its country. */
  value: string;
  /** For a place, its own spelling ("Ciudad de México" for "CIUDAD DE MEXICO"). */
  name: string;
}

interface Lexicon {
  pattern: RegExp;
  entries: Map<string, { value: string; name: string }>;
}

function lexicon(list: ReadonlyArray<readonly [string, string]>): Lexicon {
  const entries = new Map<string, { value: string; name: string }>();
  for (const [name, value] of list) {
    const key = foldWithOrigin(name).folded.replace(/\s+/g, ' ');
    if (!entries.has(key)) entries.set(key, { value, name });
  }
  return { pattern: phrasePattern(list.map(([n]) => n)), entries };
}

const COUNTRIES = lexicon(
  Object.entries(COUNTRY_NAMES).flatMap(([code, names]) =>
    names.map((n): readonly [string, string] => [n, code]),
  ),
);
const PLACE_LEXICON = lexicon(ALL_PLACES);

function find(t: FoldedText, lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const m of t.folded.matchAll(lex.pattern)) {
    const entry = lex.entries.get(m[0].replace(/\s+/g, ' '));
    if (!entry) continue;
    const found = originalOf(t, m.index, m.index + m[0].length);
    if (CAPITALS_ONLY.has(found.text.replace(/\./g, '')) && found.text !== found.text.toUpperCase())
      continue;
    if (CAPITALS_ONLY.has(entry.name) && found.text !== entry.name) continue;
    // "New Mexico" is a US state, not the country.
    if (entry.value === 'MX' && /(new|nuevo)\s+$/i.test(t.original.slice(0, found.index))) continue;
    out.push({ ...found, ...entry });
  }
  return out;
}

/** The party countries a text names, in order of appearance. */
export const countryMentions = (text: string | FoldedText): Mention[] =>
  find(typeof text === 'string' ? foldWithOrigin(text) : text, COUNTRIES);

/** The known places a text names, in order of appearance. */
export const placeMentions = (text: string | FoldedText): Mention[] =>
  find(typeof text === 'string' ? foldWithOrigin(text) : text, PLACE_LEXICON);
