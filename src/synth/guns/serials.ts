import { hash32, mix32 } from '../random.js';
import type { FirearmModel } from '../tables/firearms.js';

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/**
 * A gun's serial number in its maker's style (letters then digits). Distinct gun numbers give
 * distinct serials for a make: the letters and digits together encode a 32-bit bijection of the
 * number, with as many digits as that needs.
 */
export function serialFor(seed: number, model: FirearmModel, gun: number): string {
  let x = mix32((gun ^ hash32(seed, 'serial', model.make)) >>> 0);
  const [letterCount, minDigits] = model.serial;
  const letterSpace = LETTERS.length ** letterCount;
  const digitCount = Math.max(minDigits, Math.ceil(Math.log10(2 ** 32 / letterSpace)));
  let letters = '';
  for (let i = 0; i < letterCount; i++) {
    letters += LETTERS[x % LETTERS.length];
    x = Math.floor(x / LETTERS.length);
  }
  return letters + String(x).padStart(digitCount, '0');
}
