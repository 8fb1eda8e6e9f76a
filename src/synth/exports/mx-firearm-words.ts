import type { Random } from '../random.js';
import { MAKE_SPELLINGS, type FirearmType } from '../tables/firearms.js';

/** How Mexican records name firearm types and countries of manufacture. */

/** The mapping's view of a wording table: from the word back to the code. */
const invert = (table: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([code, word]) => [word, code]));
export const TIPO_ARMA: Readonly<Record<FirearmType, string>> = {
  pistol: 'PISTOLA',
  revolver: 'REVOLVER',
  rifle: 'FUSIL',
  shotgun: 'ESCOPETA',
};

export const TIPO_ARMA_MAP = invert(TIPO_ARMA);

export const PAIS: Readonly<Record<string, string>> = {
  US: 'ESTADOS UNIDOS',
  RO: 'RUMANIA',
  AT: 'AUSTRIA',
  BE: 'BÉLGICA',
  IT: 'ITALIA',
  BR: 'BRASIL',
  CN: 'CHINA',
  RS: 'SERBIA',
  PH: 'FILIPINAS',
};

export const PAIS_MAP = invert(PAIS);

export const NACIONALIDAD: Readonly<Record<string, string>> = {
  MX: 'MEXICANA',
  US: 'ESTADOUNIDENSE',
  CA: 'CANADIENSE',
};

export const NACIONALIDAD_MAP = invert(NACIONALIDAD);

/** A maker as written on a recovery form: its own spelling variants, upper-cased. */
export function makeAsWritten(r: Random, make: string): string {
  const spellings = MAKE_SPELLINGS[make];
  return (spellings && r.chance(0.4) ? r.pick(spellings) : make).toUpperCase();
}

const LOOKALIKE: Readonly<Record<string, string>> = { '0': 'O', O: '0', '1': 'I', I: '1' };

/**
 * A serial as copied off a recovered gun: O/0 and I/1 confused, dashes or spaces added, or
 * (when partly obliterated) its end unreadable.
 */
export function serialAsWritten(r: Random, serial: string, obliterated: string, misread: number) {
  if (!serial) return '';
  if (obliterated === 'partial') return `${serial.slice(0, Math.ceil(serial.length / 2))}***`;
  if (!r.chance(misread)) return serial;
  const i = [...serial].findIndex((c) => c in LOOKALIKE);
  if (i >= 0 && r.chance(0.6))
    return serial.slice(0, i) + LOOKALIKE[serial[i]!] + serial.slice(i + 1);
  const cut = r.int(1, serial.length - 1);
  return `${serial.slice(0, cut)}${r.pick(['-', ' '])}${serial.slice(cut)}`;
}
