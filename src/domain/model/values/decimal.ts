/** A decimal split into its parts; `digits` has no leading zeros, `fraction` no trailing ones. */
export interface Decimal {
  negative: boolean;
  digits: string;
  fraction: string;
}

export type Grouping =
  /** No thousands separators at all: "1,500" is ambiguous and rejected. */
  | 'none'
  /** A lone separator before exactly three digits is a thousands separator ("3,000 pills"). */
  | 'prefer-thousands'
  /** A lone separator before exactly three digits is ambiguous ("1.500 kg"). */
  | 'reject-ambiguous';

export type DecimalParse = { ok: true; decimal: Decimal } | { ok: false; ambiguous: boolean };

const MAX_DIGITS = 30;
const PLAIN = /^(\d+)(?:[.,](\d+))?$/;
const GROUPED = /^\d{1,3}(?:([.,\u00a0\u202f ])\d{3})+(?:([.,])(\d+))?$/;

function build(negative: boolean, intPart: string, fracPart: string): DecimalParse {
  const digits = intPart.replace(/^0+(?=\d)/, '');
  const fraction = fracPart.replace(/0+$/, '');
  if (digits.length + fraction.length > MAX_DIGITS) return { ok: false, ambiguous: false };
  const zero = /^0*$/.test(digits) && fraction === '';
  return { ok: true, decimal: { negative: negative && !zero, digits, fraction } };
}

/**
 * Reads the decimals people write in English, Spanish and French: "12.5",
 * "2,5", "1,234.5", "1.234,5", "1 234,5". Where the same text means 1.5 to one
 * reader and 1500 to another the caller decides, because a silent factor of a
 * thousand in a seizure quantity is worse than a rejected value.
 */
export function parseDecimal(raw: string, grouping: Grouping): DecimalParse {
  let s = raw.trim();
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }

  const plain = PLAIN.exec(s);
  if (plain) {
    const [, intPart = '', fracPart = ''] = plain;
    const loneGroupLike = fracPart.length === 3 && !/^0+$/.test(intPart) && intPart.length <= 3;
    if (loneGroupLike) {
      if (grouping === 'prefer-thousands') return build(negative, intPart + fracPart, '');
      if (grouping === 'reject-ambiguous') return { ok: false, ambiguous: true };
      // A dot is the decimal point of code and spreadsheets everywhere; only a
      // lone comma is a coin toss between "2,500" (US) and "2,500" (MX).
      if (s.includes(',')) return { ok: false, ambiguous: true };
    }
    return build(negative, intPart, fracPart);
  }

  if (grouping === 'none') return { ok: false, ambiguous: false };
  const grouped = GROUPED.exec(s);
  if (!grouped) return { ok: false, ambiguous: false };
  const [, groupSep, decimalSep, fracPart = ''] = grouped;
  if (decimalSep !== undefined && decimalSep === groupSep) return { ok: false, ambiguous: false };
  const body = decimalSep === undefined ? s : s.slice(0, s.length - fracPart.length - 1);
  const separators = new Set(body.replace(/\d/g, ''));
  if (separators.size !== 1) return { ok: false, ambiguous: false };
  return build(negative, body.replace(/\D/g, ''), fracPart);
}

export function formatDecimal(d: Decimal): string {
  const sign = d.negative ? '-' : '';
  return d.fraction ? `${sign}${d.digits}.${d.fraction}` : `${sign}${d.digits}`;
}
