import { describe, expect, it } from 'vitest';
import { CURRENT_YY } from './calendar.js';
import { parseRfc, rfcCheckDigit, type Rfc } from './rfc.js';

const withCheck = (body: string) => body + rfcCheckDigit(body);

describe('rfcCheckDigit', () => {
  it.each([
    // Published RFCs of public bodies and SAT's documentation example.
    ['SAT970701NN', '3'],
    ['CFE370814QI', '0'],
    ['BMI9312038R', '3'],
    ['IMS421231I4', '5'],
    ['TME840315KT', '6'],
    ['GODE561231GR', '8'],
  ])('%s -> %s', (body, digit) => {
    expect(rfcCheckDigit(body)).toBe(digit);
  });

  it('writes a remainder of 10 as A', () => {
    const digits = new Set<string>();
    for (let i = 0; i < 400; i++)
      digits.add(rfcCheckDigit(`ABC010101${i.toString(36).padStart(2, '0').toUpperCase()}`));
    expect(digits.has('A')).toBe(true);
    expect([...digits].every((d) => /^[0-9A]$/.test(d))).toBe(true);
  });

  it.each(['SAT970701N', 'GODE561231GR8', 'sat970701nn'])('throws on %s', (body) => {
    expect(() => rfcCheckDigit(body)).toThrow(RangeError);
  });
});

describe('parseRfc', () => {
  it.each<[string, Omit<Rfc, 'value'>]>([
    ['SAT970701NN3', { kind: 'company', date: '1997-07-01', valid: true, generic: false }],
    ['CFE370814QI0', { kind: 'company', date: '1937-08-14', valid: true, generic: false }],
    ['BMI9312038R3', { kind: 'company', date: '1993-12-03', valid: true, generic: false }],
    ['IMS421231I45', { kind: 'company', date: '1942-12-31', valid: true, generic: false }],
    ['TME840315KT6', { kind: 'company', date: '1984-03-15', valid: true, generic: false }],
    ['GODE561231GR8', { kind: 'person', date: '1956-12-31', valid: true, generic: false }],
    [withCheck('A&C0102291B'), { kind: 'company', date: null, valid: false, generic: false }],
    [
      withCheck('A&C0002291B'),
      { kind: 'company', date: '2000-02-29', valid: true, generic: false },
    ],
    [
      withCheck('MUÑO8001012X'),
      { kind: 'person', date: '1980-01-01', valid: true, generic: false },
    ],
    // A wrong homoclave check digit.
    ['SAT970701NN4', { kind: 'company', date: '1997-07-01', valid: false, generic: false }],
    ['GODE561231GR9', { kind: 'person', date: '1956-12-31', valid: false, generic: false }],
    ['GODE561231GRA', { kind: 'person', date: '1956-12-31', valid: false, generic: false }],
    // Impossible dates.
    ['GODE561331GR8', { kind: 'person', date: null, valid: false, generic: false }],
    ['GODE560230GR8', { kind: 'person', date: null, valid: false, generic: false }],
    ['SAT970700NN3', { kind: 'company', date: null, valid: false, generic: false }],
    // SAT's catch-all RFCs identify nobody.
    ['XAXX010101000', { kind: 'person', date: '2001-01-01', valid: false, generic: true }],
    ['XEXX010101000', { kind: 'person', date: '2001-01-01', valid: false, generic: true }],
  ])('%s', (raw, expected) => {
    const rfc = parseRfc(raw)!;
    expect({ kind: rfc.kind, date: rfc.date, valid: rfc.valid, generic: rfc.generic }).toEqual(
      expected,
    );
  });

  it('fixes the century by the current two-digit year', () => {
    const yy = String(CURRENT_YY).padStart(2, '0');
    const next = String((CURRENT_YY + 1) % 100).padStart(2, '0');
    expect(parseRfc(withCheck(`ABC${yy}0101AB`))?.date).toBe(`20${yy}-01-01`);
    expect(parseRfc(withCheck(`ABC${next}0101AB`))?.date?.slice(0, 2)).toBe(
      CURRENT_YY === 99 ? '20' : '19',
    );
    expect(parseRfc(withCheck('ABCD000101AB'))?.date).toBe('2000-01-01');
    expect(parseRfc(withCheck('ABCD991231AB'))?.date).toBe('1999-12-31');
  });

  it.each([
    ['gode561231gr8', 'GODE561231GR8'],
    [' GODE-561231-GR8 ', 'GODE561231GR8'],
    ['GODE 561231 GR8', 'GODE561231GR8'],
    ['sat-970701-nn3', 'SAT970701NN3'],
    ['S.A.T. 970701 NN3', 'SAT970701NN3'],
  ])('cleans %j', (raw, value) => {
    const rfc = parseRfc(raw)!;
    expect(rfc.value).toBe(value);
    expect(rfc.valid).toBe(true);
  });

  it.each([
    '',
    'GODE561231', // no homoclave
    'GODE561231GR', // 12 with four letters
    'SAT970701NN', // 11
    'GODE561231GR8X',
    'G0DE561231GR8', // digit among the letters
    'GODE56123lGR8', // letter in the date
    'HEGG560427MVZRRL04', // a CURP
    'SAT970701NÑ3', // Ñ in the homoclave
    '1234567890123',
  ])('is null for text that is not RFC-shaped: %j', (raw) => {
    expect(parseRfc(raw)).toBeNull();
  });
});
