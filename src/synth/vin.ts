/** Vehicle identification numbers (ISO 3779 / North American check digit). */

const VALUES: Readonly<Record<string, number>> = Object.fromEntries([
  ...[...'0123456789'].map((c) => [c, Number(c)] as const),
  ...[...'ABCDEFGH'].map((c, i) => [c, i + 1] as const),
  ...[...'JKLMN'].map((c, i) => [c, i + 1] as const),
  ['P', 7],
  ['R', 9],
  ...[...'STUVWXYZ'].map((c, i) => [c, i + 2] as const),
]);
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Letters allowed in a VIN (no I, O, Q). */
export const VIN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VALUES[vin[i]!] ?? 0) * WEIGHTS[i]!;
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

export const isValidVin = (vin: string): boolean =>
  /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) && vinCheckDigit(vin) === vin[8];

/** Model year code (position 10): A = 1980 or 2010, cycling every 30 years. */
export const yearCode = (year: number): string => YEAR_CODES[(year - 1980) % 30]!;

/**
 * A VIN from a manufacturer prefix, a model year and a unique 32-bit number: the number fills
 * the descriptor, plant and serial positions, so different numbers never share a VIN.
 */
export function buildVin(wmi: string, year: number, unique: number): string {
  const serial = String(unique % 1_000_000).padStart(6, '0');
  let rest = Math.floor(unique / 1_000_000);
  const plant = VIN_LETTERS[rest % VIN_LETTERS.length]!;
  rest = Math.floor(rest / VIN_LETTERS.length);
  const descriptor = [0, 1, 2, 3, 4]
    .map(() => {
      const c = VIN_LETTERS[rest % VIN_LETTERS.length]!;
      rest = Math.floor(rest / VIN_LETTERS.length);
      return c;
    })
    .join('');
  const draft = `${wmi}${descriptor}0${yearCode(year)}${plant}${serial}`;
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}
