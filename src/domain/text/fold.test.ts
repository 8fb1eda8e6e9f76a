import { describe, expect, it } from 'vitest';
import { foldText } from './fold.js';

describe('foldText', () => {
  it.each([
    ['Rodríguez', 'rodriguez'],
    ['PEÑA', 'pena'],
    ['Élodie', 'elodie'],
    ['François Côté', 'francois cote'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Æsir', 'aesir'],
    ['Cœur', 'coeur'],
    ['Søren', 'soren'],
    ['Łódź', 'lodz'],
    ['Đorđe', 'dorde'],
    ['İstanbul', 'istanbul'],
  ])('%s -> %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('folds compatibility forms such as ligatures and full-width letters', () => {
    expect(foldText('ﬁle')).toBe('file');
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
  });

  it('gives the same result for composed and decomposed input', () => {
    expect(foldText('Jose\u0301')).toBe(foldText('José'));
  });

  it('leaves punctuation and spacing alone', () => {
    expect(foldText('De la Cruz-Ávila, J.')).toBe('de la cruz-avila, j.');
  });
});
