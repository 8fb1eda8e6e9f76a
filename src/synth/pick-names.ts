import { Random, Weighted, zipf } from './random.js';
import { NAMES, type Culture } from './tables/names.js';

/** Surname draws: 85% from the frequency-ranked list, 14.97% uncommon, 0.03% rare. */
const SURNAME_SHARES = { common: 0.85, uncommon: 0.1497, rare: 0.0003 } as const;

function surnameTable(culture: Culture): Weighted<string> {
  const n = NAMES[culture];
  const common = zipf(n.surnames, 0.75);
  const commonTotal = common.reduce((s, [, w]) => s + w, 0);
  return new Weighted([
    ...common.map(([s, w]) => [s, (w / commonTotal) * SURNAME_SHARES.common] as const),
    ...n.uncommon.map((s) => [s, SURNAME_SHARES.uncommon / n.uncommon.length] as const),
    ...n.rare.map((s) => [s, SURNAME_SHARES.rare / n.rare.length] as const),
  ]);
}

const CULTURES: readonly Culture[] = ['es', 'en', 'fr'];
const SURNAMES = Object.fromEntries(CULTURES.map((c) => [c, surnameTable(c)])) as Record<
  Culture,
  Weighted<string>
>;
const GIVEN = Object.fromEntries(
  CULTURES.map((c) => [
    c,
    {
      male: new Weighted(zipf(NAMES[c].male, 0.8)),
      female: new Weighted(zipf(NAMES[c].female, 0.8)),
    },
  ]),
) as Record<Culture, Record<'male' | 'female', Weighted<string>>>;

/** A surname with real frequencies: many García and Smith, a long tail of rare ones. */
export const surname = (r: Random, culture: Culture): string => SURNAMES[culture].pick(r);

export const givenName = (r: Random, culture: Culture, gender: 'male' | 'female'): string =>
  GIVEN[culture][gender].pick(r);
