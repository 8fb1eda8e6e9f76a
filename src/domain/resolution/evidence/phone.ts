// The min metadata (the package default) is enough here: the richer metadata only adds the
// line type, and for these countries it tells nothing. Mexico dropped the mobile/fixed split
// from its numbering in 2019 and the NANP never had one, so "max" answers FIXED_LINE_OR_MOBILE
// and "mobile" answers MOBILE for every Mexican, US and Canadian number alike. Both also cost
// more per parse.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export type PhoneCountry = 'US' | 'MX' | 'CA';

// Already E.164 with +52 or +1 and ten national digits: such a number is "possible" for
// libphonenumber (length is all it checks), so skip its ~5 µs parse, the common case for
// partner data that already stores E.164.
const CANONICAL = /^\+(?:52[2-9]|1)\d{9}$/;
// Mexican national numbers have ten digits and never start with 0 or 1.
const MEXICAN_TEN = /^[2-9]\d{9}$/;
// 00 is the international prefix in Mexico and most of the world, and no Mexican or NANP
// national number starts with it, so it means "+" whatever the record's country.
const INTERNATIONAL_00 = /^00[\s.-]*/;
const LEGACY_DOMESTIC = /^(?:04[45]|01)(?=\d{10}$)/;

/**
 * The ten-digit Mexican number inside a national number written with a prefix Mexico retired
 * in 2019-2020: 044/045 (domestic mobile), 01 (long distance) and, after +52, the 1 of a mobile
 * dialled from abroad. A bare leading 1 without +52 is left alone: it may be a US number.
 */
function mexicanTenDigits(national: string, international: boolean): string | null {
  let ten = national;
  if (international && national.length === 11 && national[0] === '1') ten = national.slice(1);
  else if (LEGACY_DOMESTIC.test(national)) ten = national.replace(LEGACY_DOMESTIC, '');
  return MEXICAN_TEN.test(ten) ? ten : null;
}

/**
 * The number in E.164 ("+525512345678"), or null when it is not a possible number. A number
 * without a country code needs `defaultCountry`, and is read as that country's even when it
 * would fit another's ("213 555 0147" with MX is +522135550147). Mexican numbers lose the
 * retired prefixes; an extension is dropped.
 */
export function toE164(raw: string, defaultCountry?: PhoneCountry): string | null {
  const s = raw.trim();
  if (CANONICAL.test(s)) return s;
  const input = INTERNATIONAL_00.test(s) ? `+${s.replace(INTERNATIONAL_00, '')}` : s;
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  if (!parsed) return null;
  if (parsed.countryCallingCode === '52') {
    const international = input[0] === '+' || defaultCountry !== 'MX';
    const ten = mexicanTenDigits(parsed.nationalNumber, international);
    return ten ? `+52${ten}` : null;
  }
  return parsed.isPossible() ? parsed.number : null;
}

/**
 * The ISO country of an E.164 number, or null when unknown. +1 numbers are told apart by area
 * code (416 is CA, 213 US, 809 DO); non-geographic ones such as toll-free 800 come back as US,
 * the NANP's main country, though Canadians use them too.
 */
export function phoneCountry(e164: string): string | null {
  if (e164.startsWith('+52')) return 'MX';
  return parsePhoneNumberFromString(e164)?.country ?? null;
}
