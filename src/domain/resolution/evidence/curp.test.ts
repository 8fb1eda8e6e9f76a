import { describe, expect, it } from 'vitest';
import {
  CURP_STATES,
  curpCheckDigit,
  curpStateName,
  isValidCurp,
  parseCurp,
  type Curp,
} from './curp.js';

/** A CURP from its 17-character body with the right check digit. */
const withCheck = (body: string) => body + curpCheckDigit(body);
/** The same with a check digit that is surely wrong. */
const wrongCheck = (body: string) => body + ((Number(curpCheckDigit(body)) + 1) % 10);

describe('curpCheckDigit', () => {
  it.each([
    // RENAPO's published example.
    ['HEGG560427MVZRRL0', '4'],
    // The 18th character, when passed, is ignored.
    ['HEGG560427MVZRRL04', '4'],
  ])('%s -> %s', (body, digit) => {
    expect(curpCheckDigit(body)).toBe(digit);
  });

  it('gives Ñ its own value between N and O', () => {
    const n = curpCheckDigit('MUNO800101HDFXXX0');
    const enye = curpCheckDigit('MUÑO800101HDFXXX0');
    const o = curpCheckDigit('MUOO800101HDFXXX0');
    expect(new Set([n, enye, o]).size).toBe(3);
    // Ñ is worth one more than N at weight 16: the sum grows by 16, the digit drops by 6.
    expect((Number(n) - Number(enye) + 10) % 10).toBe(6);
  });

  it.each(['HEGG560427MVZRRL', 'hegg560427mvzrrl0', 'HEGG5604-7MVZRRL0', ''])(
    'throws on a body that cannot be a CURP: %s',
    (body) => {
      expect(() => curpCheckDigit(body)).toThrow(RangeError);
    },
  );
});

describe('parseCurp', () => {
  type Expected = Omit<Curp, 'value' | 'nameLetters'>;
  it.each<[string, Expected]>([
    ['HEGG560427MVZRRL04', { valid: true, birthDate: '1956-04-27', sex: 'M', state: 'VZ' }],
    [
      withCheck('CUXL030109HNERXSA'),
      { valid: true, birthDate: '2003-01-09', sex: 'H', state: 'NE' },
    ],
    [
      withCheck('PELG991231MDFRPD5'),
      { valid: true, birthDate: '1999-12-31', sex: 'M', state: 'DF' },
    ],
    [
      withCheck('PELG000101MJCRPDA'),
      { valid: true, birthDate: '2000-01-01', sex: 'M', state: 'JC' },
    ],
    // The differentiator, not the two-digit year, gives the century.
    [
      withCheck('ROPJ050315HSRDNL0'),
      { valid: true, birthDate: '1905-03-15', sex: 'H', state: 'SR' },
    ],
    [
      withCheck('ROPJ450315HSRDNLB'),
      { valid: false, birthDate: null, sex: 'H', state: 'SR' }, // 2045: not born yet
    ],
    [
      withCheck('ROPJ150315HSRDNLZ'),
      { valid: true, birthDate: '2015-03-15', sex: 'H', state: 'SR' },
    ],
    // 29 February: 2000 was a leap year, 1900 was not.
    [
      withCheck('ROPJ000229HCMDNLA'),
      { valid: true, birthDate: '2000-02-29', sex: 'H', state: 'CM' },
    ],
    [withCheck('ROPJ000229HCMDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'CM' }],
    [
      withCheck('ROPJ960229HCLDNL1'),
      { valid: true, birthDate: '1996-02-29', sex: 'H', state: 'CL' },
    ],
    [withCheck('ROPJ970229HCLDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'CL' }],
    // Impossible dates.
    [withCheck('ROPJ990230HTSDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'TS' }],
    [withCheck('ROPJ991301HTSDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'TS' }],
    [withCheck('ROPJ990001HTSDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'TS' }],
    [withCheck('ROPJ990400HTSDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'TS' }],
    [withCheck('ROPJ990431HTSDNL1'), { valid: false, birthDate: null, sex: 'H', state: 'TS' }],
    // Wrong check digit: still decoded, not valid.
    ['HEGG560427MVZRRL05', { valid: false, birthDate: '1956-04-27', sex: 'M', state: 'VZ' }],
    [
      wrongCheck('ROPJ800101HSRDNL0'),
      { valid: false, birthDate: '1980-01-01', sex: 'H', state: 'SR' },
    ],
    // Unknown state, unknown sex letter, the X sex marker.
    [
      withCheck('ROPJ800101HZZDNL0'),
      { valid: false, birthDate: '1980-01-01', sex: 'H', state: null },
    ],
    [
      withCheck('ROPJ800101HXXDNL0'),
      { valid: false, birthDate: '1980-01-01', sex: 'H', state: null },
    ],
    [
      withCheck('ROPJ800101QSRDNL0'),
      { valid: false, birthDate: '1980-01-01', sex: null, state: 'SR' },
    ],
    [
      withCheck('ROPJ800101XSRDNL0'),
      { valid: true, birthDate: '1980-01-01', sex: null, state: 'SR' },
    ],
    // Ñ in an old key is part of the alphabet.
    [
      withCheck('MUÑO800101HDFXXX0'),
      { valid: true, birthDate: '1980-01-01', sex: 'H', state: 'DF' },
    ],
  ])('%s', (raw, expected) => {
    const curp = parseCurp(raw)!;
    expect(curp).not.toBeNull();
    expect({
      valid: curp.valid,
      birthDate: curp.birthDate,
      sex: curp.sex,
      state: curp.state,
    }).toEqual(expected);
  });

  it.each([
    ['hegg560427mvzrrl04', 'HEGG560427MVZRRL04'],
    ['  HEGG560427MVZRRL04\n', 'HEGG560427MVZRRL04'],
    ['HEGG 560427 MVZRRL04', 'HEGG560427MVZRRL04'],
    ['HEGG-560427-MVZRRL-04', 'HEGG560427MVZRRL04'],
    ['hegg.560427.mvzrrl.04', 'HEGG560427MVZRRL04'],
    ['muño800101hdfxxx0' + curpCheckDigit('MUÑO800101HDFXXX0'), withCheck('MUÑO800101HDFXXX0')],
  ])('cleans %j to %s', (raw, value) => {
    const curp = parseCurp(raw)!;
    expect(curp.value).toBe(value);
    expect(curp.valid).toBe(true);
  });

  it('gives the letters the name contributes', () => {
    expect(parseCurp('HEGG560427MVZRRL04')?.nameLetters).toBe('HEGGRRL');
    expect(parseCurp(withCheck('CUXL030109HNERXSA'))?.nameLetters).toBe('CUXLRXS');
  });

  it.each([
    '',
    '   ',
    'HEGG560427MVZRRL0', // 17 characters
    'HEGG560427MVZRRL045', // 19
    'HEGG56O427MVZRRL04', // letter O in the date
    'HEG1560427MVZRRL04', // digit among the letters
    'HEGG560427MVZRRL0A', // letter as check digit
    'HEGG560427MVZ1RL04', // digit among the consonants
    'GODE561231GR8', // an RFC
    'not a curp at all!',
    'HEGG_560427_MVZRRL04',
  ])('is null for text that is not CURP-shaped: %j', (raw) => {
    expect(parseCurp(raw)).toBeNull();
  });

  it('agrees with isValidCurp', () => {
    expect(isValidCurp('HEGG560427MVZRRL04')).toBe(true);
    expect(isValidCurp('HEGG560427MVZRRL05')).toBe(false);
    expect(isValidCurp('nonsense')).toBe(false);
  });
});

describe('CURP_STATES', () => {
  it('has the 32 federal entities and NE', () => {
    expect(Object.keys(CURP_STATES)).toHaveLength(33);
    expect(Object.keys(CURP_STATES).every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(curpStateName('NE')).toBe('Nacido en el extranjero');
    expect(curpStateName('CM')).toBe('Colima');
    expect(curpStateName('CL')).toBe('Coahuila');
    expect(curpStateName('ZZ')).toBeNull();
    expect(curpStateName('toString')).toBeNull();
  });

  it('accepts every code in a valid CURP', () => {
    for (const code of Object.keys(CURP_STATES)) {
      expect(parseCurp(withCheck(`ROPJ800101H${code}DNL0`))?.state).toBe(code);
    }
  });
});
