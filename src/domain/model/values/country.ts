import { invalid, valid, type ValueResult } from '../result.js';
import { ALPHA2_CODES, ALPHA3_TO_ALPHA2 } from './country-codes.js';

const EXPECTED = 'an ISO 3166-1 country code such as MX or MEX';

/** Countries are stored as upper-case alpha-2; alpha-3 input is mapped onto it. */
export function normaliseCountry(raw: string): ValueResult {
  const code = raw.trim().toUpperCase();
  if (code.length === 2 && ALPHA2_CODES.has(code)) return valid(code);
  if (code.length === 3) {
    const alpha2 = ALPHA3_TO_ALPHA2.get(code);
    if (alpha2 !== undefined) return valid(alpha2);
  }
  return invalid('invalid_country', EXPECTED);
}
