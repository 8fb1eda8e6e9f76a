import { describe, expect, it } from 'vitest';
import { confusableKey, normaliseDocumentNumber, normalisePlate } from './identifiers.js';

describe('normaliseDocumentNumber', () => {
  it.each([
    ['G12345678', 'G12345678'],
    ['g12345678', 'G12345678'],
    [' G 1234 5678 ', 'G12345678'],
    ['AB-123456', 'AB123456'],
    ['AB.123.456', 'AB123456'],
    ['123/456/789', '123456789'],
    ['D123-4567-8901', 'D12345678901'],
    ['S530-4567-8901-23', 'S53045678901'.concat('23')],
    ['A1234-56789-01234', 'A12345678901234'],
    ['#123456', '123456'],
    ['(12345)', '12345'],
    ['12_34_56', '123456'],
    ['12345', '12345'],
    ['12345678901234567890', '12345678901234567890'],
    // O and 0 stay apart: they may be different documents.
    ['GO1234567', 'GO1234567'],
    ['G01234567', 'G01234567'],
    ['I1234567', 'I1234567'],
  ])('%j -> %s', (raw, normalised) => {
    expect(normaliseDocumentNumber(raw)).toBe(normalised);
  });

  it.each([
    '',
    '    ',
    '1234', // too short
    '12-34', // too short once stripped
    '123456789012345678901', // too long
    'ABCDEFGH', // no digit
    'PASSPORT',
    'G1234567Ñ', // a letter that is not A-Z: not guessed
    'G12345é78',
    'G1234*5678',
  ])('is null for %j', (raw) => {
    expect(normaliseDocumentNumber(raw)).toBeNull();
  });
});

describe('confusableKey', () => {
  it.each([
    ['GO1234567', 'G01234567'],
    ['G01234567', 'G01234567'],
    ['I1234567', '11234567'],
    ['AB123456', 'AB123456'],
    ['OIOI1', '01011'],
  ])('%s -> %s', (n, key) => {
    expect(confusableKey(n)).toBe(key);
  });
});

describe('normalisePlate', () => {
  it.each([
    ['ABC-123-D', 'ABC123D'],
    ['abc 123 d', 'ABC123D'],
    ['ABC123D', 'ABC123D'],
    ['7ABC123', '7ABC123'],
    ['8-ABC-123', '8ABC123'],
    ['BCDE 123', 'BCDE123'],
    ['A.B.C. 1.2.3', 'ABC123'],
    ['FENTANL', 'FENTANL'],
    ['AB', 'AB'],
    ['ABCDE12345', 'ABCDE12345'],
  ])('%j -> %s', (raw, plate) => {
    expect(normalisePlate(raw)).toBe(plate);
  });

  it.each(['', ' - ', 'A', 'ABCDE123456', 'ÑAB123', 'AB*123'])('is null for %j', (raw) => {
    expect(normalisePlate(raw)).toBeNull();
  });
});
