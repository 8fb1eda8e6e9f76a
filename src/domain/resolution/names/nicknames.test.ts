import { describe, expect, it } from 'vitest';
import { GIVEN_NAME_LANGUAGES } from './given-name-lexicon.js';
import { NICKNAME_ROWS, NICKNAME_SOURCES } from './nickname-table.js';
import {
  aliasSet,
  expandGiven,
  givenCompatible,
  givenCompatibleWithInitials,
  isNickname,
} from './nicknames.js';

describe('aliasSet', () => {
  it.each<[string, string[]]>([
    ['pepe', ['jose']],
    ['rob', ['robert', 'robin']],
    ['robert', ['robert']],
    ['robin', ['robin']],
    ['xochitl', ['xochitl']],
    ['zzyzx', ['zzyzx']],
    ['chema', ['jose maria']],
    ['beto', ['alberto', 'humberto', 'roberto']],
    ['ted', ['edward', 'theodore']],
    ['jack', ['jack', 'john']],
    ['marisol', ['maria soledad', 'marisol']],
    ['eliza', ['eliza', 'elizabeth']],
    ['ti-jean', ['jean']],
    ['j', ['j']],
    ['paco', ['francisco']],
    ['chuy', ['jesus']],
  ])('%s -> %j', (token, expected) => {
    expect(aliasSet(token)).toEqual(expected);
  });

  it('is sorted for every nickname', () => {
    for (const row of NICKNAME_ROWS) {
      const set = aliasSet(row.nickname);
      expect([...set].sort()).toEqual(set);
    }
  });
});

describe('givenCompatible', () => {
  it.each<[string, string]>([
    // Spanish
    ['pepe', 'jose'],
    ['pepito', 'jose'],
    ['chepe', 'jose'],
    ['paco', 'francisco'],
    ['pancho', 'francisco'],
    ['curro', 'francisco'],
    ['paco', 'pancho'],
    ['chuy', 'jesus'],
    ['chucho', 'jesus'],
    ['chuy', 'chucho'],
    ['lupe', 'guadalupe'],
    ['lupita', 'guadalupe'],
    ['lupe', 'lupita'],
    ['memo', 'guillermo'],
    ['nacho', 'ignacio'],
    ['chema', 'jose maria'],
    ['beto', 'alberto'],
    ['beto', 'roberto'],
    ['beto', 'humberto'],
    ['lalo', 'eduardo'],
    ['tono', 'antonio'],
    ['chava', 'salvador'],
    ['quique', 'enrique'],
    ['kike', 'enrique'],
    ['poncho', 'alfonso'],
    ['tere', 'teresa'],
    ['paty', 'patricia'],
    ['lucho', 'luis'],
    ['pili', 'pilar'],
    ['concha', 'concepcion'],
    ['conchita', 'concepcion'],
    ['charo', 'rosario'],
    ['chayo', 'rosario'],
    ['lola', 'dolores'],
    ['nando', 'fernando'],
    ['goyo', 'gregorio'],
    ['manolo', 'manuel'],
    ['rafa', 'rafael'],
    ['santi', 'santiago'],
    ['chente', 'vicente'],
    ['checo', 'sergio'],
    ['juanca', 'juan carlos'],
    ['maite', 'maria teresa'],
    ['tony', 'antonio'],
    ['tony', 'anthony'],
    // English
    ['beth', 'elizabeth'],
    ['betty', 'elizabeth'],
    ['liz', 'elizabeth'],
    ['eliza', 'elizabeth'],
    ['beth', 'liz'],
    ['bill', 'william'],
    ['will', 'william'],
    ['billy', 'william'],
    ['bill', 'will'],
    ['bob', 'robert'],
    ['rob', 'robert'],
    ['robbie', 'robert'],
    ['rob', 'robin'],
    ['bob', 'rob'],
    ['dick', 'richard'],
    ['rick', 'richard'],
    ['peggy', 'margaret'],
    ['maggie', 'margaret'],
    ['ted', 'edward'],
    ['ted', 'theodore'],
    ['jim', 'james'],
    ['jack', 'john'],
    ['johnny', 'jack'],
    ['mike', 'michael'],
    ['kate', 'katherine'],
    ['kate', 'catherine'],
    ['sue', 'susan'],
    ['hank', 'henry'],
    ['harry', 'henry'],
    ['larry', 'lawrence'],
    ['jeff', 'jeffrey'],
    ['jeff', 'geoffrey'],
    ['sally', 'sarah'],
    ['molly', 'mary'],
    ['polly', 'molly'],
    ['chuck', 'charles'],
    // French
    ['manon', 'marie'],
    ['fanfan', 'francois'],
    ['fanfan', 'francoise'],
    ['pierrot', 'pierre'],
    ['ti-jean', 'jean'],
    ['jeannot', 'jean'],
    ['ti-jean', 'jeannot'],
    ['jojo', 'joseph'],
    ['mimi', 'michelle'],
    ['loulou', 'louise'],
    ['dede', 'andre'],
    ['riri', 'henri'],
    ['zaza', 'isabelle'],
    ['margot', 'marguerite'],
    ['babette', 'elisabeth'],
    ['seb', 'sebastien'],
    // Identity and symmetry
    ['jose', 'jose'],
    ['xochitl', 'xochitl'],
  ])('%s ~ %s', (a, b) => {
    expect(givenCompatible(a, b)).toBe(true);
    expect(givenCompatible(b, a)).toBe(true);
  });

  it.each<[string, string]>([
    ['robert', 'robin'],
    ['alberto', 'roberto'],
    ['edward', 'theodore'],
    ['jose', 'juan'],
    ['jose', 'josefa'],
    ['pepe', 'pepa'],
    ['francisco', 'francisca'],
    ['paco', 'paca'],
    ['francois', 'francoise'],
    ['beth', 'bill'],
    ['lupe', 'lola'],
    ['chema', 'jose'],
    ['margaret', 'margarita'],
    ['catherine', 'katherine'],
    ['xochitl', 'ximena'],
    ['jean', 'john'],
    ['j', 'jose'],
  ])('%s !~ %s', (a, b) => {
    expect(givenCompatible(a, b)).toBe(false);
    expect(givenCompatible(b, a)).toBe(false);
  });
});

describe('givenCompatibleWithInitials', () => {
  it.each<[string, string, boolean]>([
    ['j', 'jose', true],
    ['j', 'pepe', true],
    ['f', 'paco', true],
    ['g', 'lupe', true],
    ['w', 'bill', true],
    ['b', 'bill', true],
    ['r', 'bob', true],
    ['j', 'juan', true],
    ['j', 'j', true],
    ['j', 'l', false],
    ['m', 'jose', false],
    ['p', 'jose', false],
    ['pepe', 'jose', true],
    ['robert', 'robin', false],
  ])('%s, %s -> %s', (a, b, expected) => {
    expect(givenCompatibleWithInitials(a, b)).toBe(expected);
    expect(givenCompatibleWithInitials(b, a)).toBe(expected);
  });
});

describe('expandGiven', () => {
  it.each<[string[], string[][]]>([
    [['chema'], [['chema'], ['jose', 'maria']]],
    [['pepe'], [['pepe'], ['jose']]],
    [['jose', 'luis'], [['jose', 'luis']]],
    [['maria', 'guadalupe'], [['maria', 'guadalupe']]],
    [['lupe'], [['lupe'], ['guadalupe']]],
    [['rob'], [['rob'], ['robert'], ['robin']]],
    [['jack'], [['jack'], ['john']]],
    [
      ['juan', 'chema'],
      [
        ['juan', 'chema'],
        ['juan', 'jose', 'maria'],
      ],
    ],
    [
      ['chema', 'lupe'],
      [
        ['chema', 'lupe'],
        ['chema', 'guadalupe'],
        ['jose', 'maria', 'lupe'],
        ['jose', 'maria', 'guadalupe'],
      ],
    ],
    [['j', 'f'], [['j', 'f']]],
    [[], [[]]],
  ])('%j', (tokens, expected) => {
    expect(expandGiven(tokens)).toEqual(expected);
  });

  it('puts the written reading first and caps the number of readings', () => {
    const tokens = ['beto', 'chris', 'kate', 'alex', 'ed'];
    const readings = expandGiven(tokens);
    expect(readings[0]).toEqual(tokens);
    expect(readings.length).toBeLessThanOrEqual(32);
    expect(new Set(readings.map((r) => r.join(' '))).size).toBe(readings.length);
  });

  it('does not change its input', () => {
    const tokens = ['chema'];
    expandGiven(tokens);
    expect(tokens).toEqual(['chema']);
  });
});

describe('the nickname table', () => {
  it('has at least 300 rows', () => {
    expect(NICKNAME_ROWS.length).toBeGreaterThanOrEqual(300);
  });

  it('has no duplicate nickname', () => {
    const seen = new Set<string>();
    for (const row of NICKNAME_ROWS) {
      expect(seen.has(row.nickname), row.nickname).toBe(false);
      seen.add(row.nickname);
    }
  });

  it('gives every row a source, a language and at least one name', () => {
    const sources = new Set<string>(Object.values(NICKNAME_SOURCES));
    for (const row of NICKNAME_ROWS) {
      expect(sources.has(row.source), row.nickname).toBe(true);
      expect(row.languages.length, row.nickname).toBeGreaterThan(0);
      for (const l of row.languages) expect(['en', 'es', 'fr']).toContain(l);
      expect(row.names.length, row.nickname).toBeGreaterThan(0);
      expect(new Set(row.names).size, row.nickname).toBe(row.names.length);
    }
  });

  it('writes nicknames and names folded, and never maps a nickname to itself', () => {
    const folded = /^[a-z]+(?:[- ][a-z]+)*$/;
    for (const row of NICKNAME_ROWS) {
      expect(row.nickname).toMatch(folded);
      for (const name of row.names) {
        expect(name).toMatch(folded);
        expect(name).not.toBe(row.nickname);
      }
    }
  });

  it('covers all three languages', () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      const n = NICKNAME_ROWS.filter((r) => r.languages.includes(lang)).length;
      expect(n, lang).toBeGreaterThanOrEqual(lang === 'fr' ? 50 : 100);
    }
  });

  it('recognises every row as a nickname', () => {
    for (const row of NICKNAME_ROWS) expect(isNickname(row.nickname)).toBe(true);
    expect(isNickname('jose')).toBe(false);
  });

  it('has canonical names made of known given names', () => {
    for (const row of NICKNAME_ROWS)
      for (const name of row.names)
        for (const word of name.split(' '))
          expect(GIVEN_NAME_LANGUAGES.has(word) || name === word, `${row.nickname}: ${word}`).toBe(
            true,
          );
  });
});

describe('the given-name lexicon', () => {
  it('holds several hundred folded names', () => {
    expect(GIVEN_NAME_LANGUAGES.size).toBeGreaterThanOrEqual(600);
    for (const name of GIVEN_NAME_LANGUAGES.keys()) expect(name).toMatch(/^[a-z]+$/);
  });

  it('leaves out words that are particles', () => {
    for (const p of ['de', 'del', 'la', 'los', 'las', 'y', 'van', 'von', 'du', 'des', 'le']) {
      expect(GIVEN_NAME_LANGUAGES.has(p)).toBe(false);
    }
  });
});
