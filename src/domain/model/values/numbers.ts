import { invalid, valid, type ValueResult } from '../result.js';
import { formatDecimal, parseDecimal } from './decimal.js';

const NUMBER_EXPECTED = 'a decimal number such as 12.5 or -99.13';
const AMBIGUOUS_NUMBER =
  'a decimal number; "1,500" could mean 1.5 or 1500, so write 1.5 or 1500 instead';
const INTEGER_EXPECTED = 'a whole number of zero or more, such as 42';
const MAX_INTEGER_DIGITS = 15;

export function normaliseNumber(raw: string): ValueResult {
  const parsed = parseDecimal(raw, 'none');
  if (!parsed.ok) {
    return parsed.ambiguous
      ? invalid('ambiguous_number', AMBIGUOUS_NUMBER)
      : invalid('invalid_number', NUMBER_EXPECTED);
  }
  return valid(formatDecimal(parsed.decimal));
}

/** Counts and durations: digit grouping is safe here because a fraction is never valid. */
export function normaliseInteger(raw: string): ValueResult {
  const parsed = parseDecimal(raw, 'prefer-thousands');
  if (!parsed.ok) return invalid('invalid_integer', INTEGER_EXPECTED);
  const { negative, digits, fraction } = parsed.decimal;
  if (negative || fraction !== '' || digits.length > MAX_INTEGER_DIGITS) {
    return invalid('invalid_integer', INTEGER_EXPECTED);
  }
  return valid(digits);
}
