import { invalid, valid, type ValueResult } from '../result.js';
import { formatDecimal, parseDecimal } from './decimal.js';
import { findUnit, UNITS } from './units.js';

const UNIT_LIST = UNITS.map((u) => u.canonical).join(', ');
const EXPECTED = `a non-negative amount and a unit such as "12.5 kg" or "3000 pills" (units: ${UNIT_LIST})`;
const AMBIGUOUS =
  'an unambiguous amount: "1.500 kg" or "1,500 kg" reads as 1.5 in some countries and ' +
  '1500 in others, so write 1.5 kg or 1500 kg';

const SHAPE = /^([-+]?\d[\d.,\u00a0\u202f ]*?)\s*(\p{L}[\p{L} ]*?\.?)$/u;

/** "2,5 kilos" -> "2.5 kg"; counts such as pills must be whole. */
export function normaliseQuantity(raw: string): ValueResult {
  const shape = SHAPE.exec(raw.trim().normalize('NFC'));
  if (!shape) return invalid('invalid_quantity', EXPECTED);
  const [, amount = '', written = ''] = shape;

  const unit = findUnit(written);
  if (!unit) return invalid('invalid_unit', EXPECTED);

  const parsed = parseDecimal(
    amount,
    unit.kind === 'count' ? 'prefer-thousands' : 'reject-ambiguous',
  );
  if (!parsed.ok) {
    return parsed.ambiguous
      ? invalid('ambiguous_quantity', AMBIGUOUS)
      : invalid('invalid_quantity', EXPECTED);
  }
  const { decimal } = parsed;
  if (decimal.negative) return invalid('invalid_quantity', EXPECTED);
  if (unit.kind === 'count' && decimal.fraction !== '') {
    return invalid('invalid_quantity', `a whole number of ${unit.canonical}`);
  }
  return valid(`${formatDecimal(decimal)} ${unit.canonical}`);
}
