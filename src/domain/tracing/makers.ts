import { parseOrganizationName } from '../resolution/names/index.js';

/**
 * Firearm makers as recovery forms and dealers' books write them. Sources: the makers' own
 * legal names and US importer marks (27 CFR 478.92 requires the importer's name on every
 * imported gun), ATF's Annual Firearms Manufacturing and Export Report (AFMER) maker names,
 * and the spellings seen on Mexican recovery forms (upper case, Spanish word order).
 */
export interface Maker {
  /** The name Puente keys traces on. */
  name: string;
  /** ISO country where the maker builds most of its guns. */
  country: string;
  variants: readonly string[];
  /** Licensed US importers whose marks appear on this maker's guns. */
  importers: readonly string[];
}

const maker = (
  name: string,
  country: string,
  variants: readonly string[] = [],
  importers: readonly string[] = [],
): Maker => ({ name, country, variants, importers });

export const MAKERS: readonly Maker[] = [
  maker('Colt', 'US', ["Colt's Manufacturing Company", "Colt's Mfg Co", 'Colt Firearms']),
  maker(
    'Century Arms',
    'RO',
    ['Century International Arms', 'CAI', 'Cugir'],
    ['Century International Arms'],
  ),
  maker('Barrett', 'US', ['Barrett Firearms', 'Barrett Firearms Manufacturing']),
  maker('Ruger', 'US', ['Sturm, Ruger & Co.', 'Sturm Ruger', 'Sturm Ruger and Company']),
  maker('Smith & Wesson', 'US', ['S&W', 'Smith and Wesson', 'Smith & Wesson Brands', 'SW']),
  maker(
    'FN Herstal',
    'BE',
    ['FN', 'FNH', 'FNH USA', 'Fabrique Nationale', 'FN America'],
    ['FN America', 'FNH USA'],
  ),
  maker('Glock', 'AT', ['Glock Ges.m.b.H.', 'Glock GmbH'], ['Glock Inc.']),
  maker('Beretta', 'IT', ['Pietro Beretta', 'Fabbrica d’Armi Pietro Beretta'], ['Beretta USA']),
  maker('Taurus', 'BR', ['Forjas Taurus', 'Taurus Armas'], ['Taurus International']),
  maker('Remington', 'US', ['Remington Arms', 'Remington Arms Company', 'RemArms']),
  maker('Mossberg', 'US', ['O.F. Mossberg & Sons', 'OF Mossberg', 'Mossberg and Sons']),
  maker('Sig Sauer', 'US', ['SIG', 'Sig Sauer Inc.', 'SIG-Sauer', 'Sig Arms']),
  maker('Springfield Armory', 'US', ['Springfield', 'Springfield Inc.']),
  maker('Kimber', 'US', ['Kimber Manufacturing', 'Kimber America']),
  maker(
    'Heckler & Koch',
    'DE',
    ['H&K', 'HK', 'Heckler and Koch', 'Heckler & Koch GmbH'],
    ['Heckler & Koch Inc.'],
  ),
  maker('Walther', 'DE', ['Carl Walther', 'Walther Arms'], ['Walther Arms Inc.']),
  maker('Bersa', 'AR', ['Bersa S.A.'], ['Eagle Imports']),
  maker('Hi-Point', 'US', ['Hi Point', 'Hi-Point Firearms', 'Beemiller']),
  maker('Kel-Tec', 'US', ['Kel Tec', 'KelTec CNC Industries']),
  maker('Savage', 'US', ['Savage Arms']),
  maker('Marlin', 'US', ['Marlin Firearms']),
  maker('Winchester', 'US', ['Winchester Repeating Arms', 'Olin Winchester']),
  maker('Browning', 'US', ['Browning Arms']),
  maker('Daniel Defense', 'US', ['Daniel Defense Inc.']),
  maker('Bushmaster', 'US', ['Bushmaster Firearms']),
  maker('DPMS', 'US', ['DPMS Panther Arms', 'Defense Procurement Manufacturing Services']),
  maker('Anderson Manufacturing', 'US', ['Anderson', 'Anderson Mfg']),
  maker('Palmetto State Armory', 'US', ['PSA', 'Palmetto State']),
  maker('Diamondback', 'US', ['Diamondback Firearms']),
  maker('CZ', 'CZ', ['Ceska Zbrojovka', 'CZ-USA', 'Česká zbrojovka'], ['CZ-USA']),
  maker('Kalashnikov', 'RU', ['Izhmash', 'Kalashnikov Concern'], ['Kalashnikov USA']),
  maker('Norinco', 'CN', ['China North Industries', 'China North Industries Corporation']),
  maker('Zastava', 'RS', ['Zastava Arms', 'Zastava Oružje'], ['Zastava USA']),
  maker('IMBEL', 'BR', ['Indústria de Material Bélico do Brasil']),
  maker(
    'Armscor',
    'PH',
    ['Arms Corporation of the Philippines', 'Rock Island Armory'],
    ['Armscor USA'],
  ),
  maker('Israel Weapon Industries', 'IL', ['IWI', 'Israel Military Industries', 'IMI'], ['IWI US']),
  maker('Canik', 'TR', ['Samsun Yurt Savunma'], ['Century International Arms']),
];

/**
 * The form a name is compared in: folded, no punctuation, no legal form ("Inc.", "GmbH"), the
 * possessive dropped ("Colt's"), initials joined ("O. F." as "OF"), "Mfg" read as "Manufacturing".
 */
const keyOf = (written: string) =>
  parseOrganizationName(
    written
      .replace(/\bmfg\b/giu, 'manufacturing')
      .replace(/['’]s\b/giu, '')
      .replace(/['’]/gu, ' ')
      .replace(/(?<=\p{L})-(?=\p{L})/gu, '')
      .replace(/\b(\p{L})\.\s*/gu, '$1'),
  ).core.replace(/\s+/g, '');

const BY_KEY: ReadonlyMap<string, Maker> = (() => {
  const map = new Map<string, Maker>();
  for (const m of MAKERS) for (const v of [m.name, ...m.variants]) map.set(keyOf(v), m);
  // An importer's mark names its maker when it imports for one maker only.
  for (const m of MAKERS) {
    for (const i of m.importers) {
      const k = keyOf(i);
      const makers = MAKERS.filter((x) => x.importers.some((y) => keyOf(y) === k));
      if (!map.has(k) && makers.length === 1) map.set(k, m);
    }
  }
  return map;
})();

/** The maker a written name stands for, or null when it is not in the table. */
export function makerOf(written: string): Maker | null {
  const key = keyOf(written);
  return key ? (BY_KEY.get(key) ?? null) : null;
}

/** Whether an importer mark is one this maker's guns carry. */
export function importedBy(m: Maker, importer: string): boolean {
  const key = keyOf(importer);
  return key !== '' && m.importers.some((i) => keyOf(i) === key);
}

/** Whether two importer marks name the same importer, however each is written. */
export function sameImporter(a: string, b: string): boolean {
  const key = keyOf(a);
  return key !== '' && key === keyOf(b);
}
