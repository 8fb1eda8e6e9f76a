import { describe, expect, it } from 'vitest';
import { MAKE_SPELLINGS } from '../../synth/tables/firearms.js';
import { importedBy, MAKERS, makerOf, type Maker } from './makers.js';

const byName = (name: string): Maker => {
  const m = MAKERS.find((x) => x.name === name);
  if (!m) throw new Error(`no maker ${name} in MAKERS`);
  return m;
};

/** Every name and variant of the table, as written, upper-cased (recovery forms) and lower-cased. */
const TABLE_SPELLINGS: [string, string][] = MAKERS.flatMap((m) =>
  [m.name, ...m.variants].flatMap((v) => [
    [v, m.name] as [string, string],
    [v.toUpperCase(), m.name] as [string, string],
    [v.toLowerCase(), m.name] as [string, string],
  ]),
);

/** The synthetic partners' spellings, as written and as `makeAsWritten` puts them on forms. */
const SYNTH_SPELLINGS: [string, string][] = Object.entries(MAKE_SPELLINGS).flatMap(
  ([name, spellings]) =>
    [name, ...spellings].flatMap((s) => [
      [s, name] as [string, string],
      [s.toUpperCase(), name] as [string, string],
    ]),
);

describe('makerOf', () => {
  it('has one entry per maker name', () => {
    const names = MAKERS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(TABLE_SPELLINGS)('table spelling %j -> %s', (written, name) => {
    expect(makerOf(written)?.name).toBe(name);
  });

  it.each(SYNTH_SPELLINGS)('synthetic spelling %j -> %s', (written, name) => {
    expect(makerOf(written)?.name).toBe(name);
  });

  it.each<[string, string]>([
    // As recovery forms and dealers' books write them.
    ["COLT'S MFG CO", 'Colt'],
    ["Colt's Mfg. Co.", 'Colt'],
    ["COLT'S MANUFACTURING COMPANY LLC", 'Colt'],
    ["Colt's", 'Colt'],
    ['Colt’s Manufacturing Company', 'Colt'],
    ['Sturm, Ruger & Co.', 'Ruger'],
    ['STURM, RUGER & CO., INC.', 'Ruger'],
    ['STURM RUGER & COMPANY', 'Ruger'],
    ['STURM RUGER Y CIA', 'Ruger'],
    ['S&W', 'Smith & Wesson'],
    ['S & W', 'Smith & Wesson'],
    ['S.&W.', 'Smith & Wesson'],
    ['S&W INC', 'Smith & Wesson'],
    ['Smith&Wesson', 'Smith & Wesson'],
    ['SMITH Y WESSON', 'Smith & Wesson'],
    ['SMITH & WESSON INC.', 'Smith & Wesson'],
    ['GLOCK GES.M.B.H.', 'Glock'],
    ['Glock, Ges.m.b.H.', 'Glock'],
    ['GLOCK GES M B H', 'Glock'],
    ['GLOCK GESMBH', 'Glock'],
    ['GLOCK G.M.B.H.', 'Glock'],
    ['GLOCK GMBH', 'Glock'],
    ['GLOCK, INC.', 'Glock'],
    ['  glock  ', 'Glock'],
    ['Glock\tGmbH', 'Glock'],
    ['O.F. MOSSBERG & SONS', 'Mossberg'],
    ['MOSSBERG AND SONS', 'Mossberg'],
    ['Mossberg & Sons', 'Mossberg'],
    ['HECKLER & KOCH', 'Heckler & Koch'],
    ['H & K', 'Heckler & Koch'],
    ['H.K.', 'Heckler & Koch'],
    ['heckler-koch', 'Heckler & Koch'],
    ['HK GmbH', 'Heckler & Koch'],
    ['F.N.', 'FN Herstal'],
    ['F N HERSTAL', 'FN Herstal'],
    ['FNH-USA', 'FN Herstal'],
    ['FN America, LLC', 'FN Herstal'],
    ['FN HERSTAL SA', 'FN Herstal'],
    ["FABBRICA D'ARMI PIETRO BERETTA", 'Beretta'],
    ['Sig-Sauer', 'Sig Sauer'],
    ['SIGSAUER', 'Sig Sauer'],
    ['S.I.G.', 'Sig Sauer'],
    ['SIG ARMS INC', 'Sig Sauer'],
    ['KELTEC', 'Kel-Tec'],
    ['HIPOINT', 'Hi-Point'],
    ['REMINGTON ARMS COMPANY INC', 'Remington'],
    ['Remington Arms Co.', 'Remington'],
    ['Springfield Armory Inc.', 'Springfield Armory'],
    ['Winchester Repeating Arms Co.', 'Winchester'],
    ['Century International Arms Inc.', 'Century Arms'],
    ['C.A.I.', 'Century Arms'],
    ['Taurus Armas S.A.', 'Taurus'],
    ['BERSA S A', 'Bersa'],
    ['CZ USA', 'CZ'],
    ['ČESKÁ ZBROJOVKA', 'CZ'],
    ['CESKA ZBROJOVKA', 'CZ'],
    ['ZASTAVA ORUZJE', 'Zastava'],
    ['INDUSTRIA DE MATERIAL BELICO DO BRASIL', 'IMBEL'],
    ['Rock Island Armory', 'Armscor'],
  ])('form spelling %j -> %s', (written, name) => {
    expect(makerOf(written)?.name).toBe(name);
  });

  // Decided: German "und" is not read as "and". The normaliser shares its stopwords (English,
  // Spanish, French) with organisation names; forms from Mexico write "&", "and" or "y".
  it.each(['Heckler und Koch', 'HECKLER UND KOCH'])('%j is not resolved (no German "und")', (w) => {
    expect(makerOf(w)).toBeNull();
  });

  /*
   * The key must not depend on whether punctuation is followed by a space: "O.F." and "O. F.",
   * "D'ARMI" and "D ARMI" (apostrophe typed as a space) are the same words.
   */
  it.each<[string, string]>([
    ['O. F. MOSSBERG & SONS', 'Mossberg'],
    ['FABBRICA D ARMI PIETRO BERETTA', 'Beretta'],
  ])('punctuation spacing: %j -> %s', (written, name) => {
    expect(makerOf(written)?.name).toBe(name);
  });

  it.each([
    '',
    '   ',
    '&',
    'Inc.',
    'Company',
    'S.A. de C.V.',
    'Acme Arms',
    'Armas del Norte S.A. de C.V.',
    'Colt Python',
    'COLT DEFENSE',
    'Smith',
    'Wesson',
    'Sturm',
    'Hecker',
    'Kel-Tec CNC',
    'ROCK ISLAND',
    'Kalashnikov Concern JSC',
    'Pietro Beretta SpA',
    'Desconocido',
    'S/M',
  ])('unknown %j -> null', (written) => {
    expect(makerOf(written)).toBeNull();
  });

  it('returns the table entry itself, with its country and importers', () => {
    const glock = makerOf('GLOCK')!;
    expect(glock).toBe(byName('Glock'));
    expect(glock.country).toBe('AT');
    expect(glock.importers).toEqual(['Glock Inc.']);
  });
});

describe('importedBy', () => {
  it.each<[string, string, boolean]>([
    ['Glock', 'Glock Inc.', true],
    ['Glock', 'GLOCK INC', true],
    ['Glock', 'Glock, Inc.', true],
    // The legal form is dropped, so the maker's bare name is its importer's key too.
    ['Glock', 'glock', true],
    ['Glock', '', false],
    ['Glock', '   ', false],
    ['Glock', 'Beretta USA', false],
    ['Beretta', 'Beretta USA', true],
    ['Beretta', 'BERETTA U.S.A.', true],
    ['Beretta', 'Pietro Beretta', false],
    ['FN Herstal', 'FN America', true],
    ['FN Herstal', 'FNH USA', true],
    ['FN Herstal', 'FNH-USA', true],
    ['FN Herstal', 'FN America, LLC', true],
    ['FN Herstal', 'Glock Inc.', false],
    ['Century Arms', 'Century International Arms', true],
    ['Century Arms', 'CENTURY INTERNATIONAL ARMS INC.', true],
    ['Century Arms', 'Century Arms', false],
    ['Century Arms', 'CAI', false],
    // One importer brings in several makers' guns.
    ['Canik', 'Century International Arms', true],
    ['Taurus', 'TAURUS INTERNATIONAL', true],
    ['Heckler & Koch', 'Heckler & Koch Inc.', true],
    ['Heckler & Koch', 'HECKLER AND KOCH INC', true],
    ['Walther', 'Walther Arms Inc.', true],
    ['Bersa', 'Eagle Imports', true],
    ['Bersa', 'EAGLE IMPORTS, INC.', true],
    ['CZ', 'CZ-USA', true],
    ['CZ', 'CZ USA', true],
    ['Kalashnikov', 'Kalashnikov USA', true],
    ['Zastava', 'Zastava USA', true],
    ['Armscor', 'Armscor USA', true],
    ['Israel Weapon Industries', 'IWI US', true],
    ['Israel Weapon Industries', 'IWI US, Inc.', true],
    // US makers carry no importer mark.
    ['Colt', 'Colt', false],
    ['Colt', '', false],
    ['Ruger', 'Century International Arms', false],
  ])('%s imported by %j: %s', (name, importer, expected) => {
    expect(importedBy(byName(name), importer)).toBe(expected);
  });
});
