import { invalid, valid, type ValueResult } from '../result.js';
import {
  codePointLength,
  CONTROL,
  CONTROL_EXCEPT_LINE_BREAKS,
  NOT_PRINTABLE,
} from './text-checks.js';

export const MAX_STRING_LENGTH = 500;
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_IDENTIFIER_LENGTH = 100;

interface Rules {
  max: number;
  collapseSpaces: boolean;
  forbidden: RegExp;
  noun: string;
}

function normaliseString(raw: string, rules: Rules): ValueResult {
  let s = raw.normalize('NFC').trim();
  if (rules.collapseSpaces) s = s.replace(/\s+/gu, ' ');
  const expected = `${rules.noun} of 1 to ${rules.max.toLocaleString('en-US')} characters`;
  if (s.length === 0) return invalid('empty_value', expected);
  if (rules.forbidden.test(s)) {
    return invalid('invalid_characters', `${expected}, printable characters only`);
  }
  if (codePointLength(s) > rules.max) return invalid('too_long', expected);
  return valid(s);
}

export function normaliseName(raw: string): ValueResult {
  return normaliseString(raw, {
    max: MAX_STRING_LENGTH,
    collapseSpaces: true,
    forbidden: CONTROL,
    noun: 'a name',
  });
}

export function normalisePlainString(raw: string): ValueResult {
  return normaliseString(raw, {
    max: MAX_STRING_LENGTH,
    collapseSpaces: false,
    forbidden: CONTROL_EXCEPT_LINE_BREAKS,
    noun: 'a text',
  });
}

export function normaliseText(raw: string): ValueResult {
  return normaliseString(raw, {
    max: MAX_TEXT_LENGTH,
    collapseSpaces: false,
    forbidden: CONTROL_EXCEPT_LINE_BREAKS,
    noun: 'a text',
  });
}

export function normaliseIdentifier(raw: string): ValueResult {
  return normaliseString(raw, {
    max: MAX_IDENTIFIER_LENGTH,
    collapseSpaces: true,
    forbidden: NOT_PRINTABLE,
    noun: 'an identifier',
  });
}
