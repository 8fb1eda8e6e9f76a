import { describe, expect, it } from 'vitest';
import { foldText } from '../../text/fold.js';
import { foldName } from './fold-name.js';

describe('foldName', () => {
  it.each([
    'JOSE LUIS GARCIA HERNANDEZ',
    "O'Brien, Sean",
    'ORTIZ PENA, MA. GPE.',
    'J.-F. Tremblay',
    'Acme Co., Ltd. & Sons (USA) 123',
    'tab\tseparated',
    '',
    'José Luis García Hernández',
    'PEÑA',
    'Straße',
    'Cœur',
    'ＡＢＣ',
    'İstanbul',
    'Jose\u0301',
  ])('%j folds like foldText', (s) => {
    expect(foldName(s)).toBe(foldText(s));
  });

  it('folds every printable ASCII character like foldText', () => {
    let all = '';
    for (let c = 0x20; c <= 0x7e; c++) all += String.fromCharCode(c);
    expect(foldName(all)).toBe(foldText(all));
  });
});
