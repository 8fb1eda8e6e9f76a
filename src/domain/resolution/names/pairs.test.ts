import { describe, expect, it } from 'vitest';
import { acronymOf, looksLikeAcronym } from './acronym.js';
import { givenCompatibleWithInitials } from './nicknames.js';
import { parsePersonName } from './person-name.js';
import { phoneticKey } from './phonetic.js';

// The pairs the entity-resolution model must be able to link, checked end to
// end through this folder's functions.
function givenOverlap(a: string, b: string): boolean {
  const x = parsePersonName(a).given;
  const y = parsePersonName(b).given;
  return x.some((g) => y.some((h) => givenCompatibleWithInitials(g, h)));
}

function sameFirstSurname(a: string, b: string): boolean {
  const x = parsePersonName(a).surnames[0];
  const y = parsePersonName(b).surnames[0];
  return x !== undefined && y !== undefined && phoneticKey(x) === phoneticKey(y);
}

describe('names of one person', () => {
  it.each<[string, string]>([
    ['Dra. Beth Kowalski-Grant', 'Elizabeth Kowalski-Grant'],
    ['María Guadalupe Ortiz Peña', 'Lupe Ortiz'],
    ['María Guadalupe Ortiz Peña', 'ORTIZ PENA, MA. GPE.'],
    ['Lupe Ortiz', 'ORTIZ PENA, MA. GPE.'],
    ['José Luis García Hernández', 'Pepe Garcia'],
    ['José Luis García Hernández', 'GARCIA HERNANDEZ, JOSE L.'],
    ['Pepe Garcia', 'GARCIA HERNANDEZ, JOSE L.'],
    ['Jean-François Tremblay', 'J.-F. Tremblay'],
    ['Jean-François Tremblay', 'Tremblay, Jean-François'],
    ['Jean-François Tremblay', 'Fanfan Tremblay'],
    ['Francisco Hernández', 'Paco Ernandez'],
    ['Francisco Hernández', 'PANCHO HERNANDES'],
    ['Jesús Vázquez', 'Chuy Basquez'],
    ['Guillermo Jiménez', 'Memo Ximenez'],
    ['Ignacio Yáñez', 'Nacho Llanez'],
    ['William Smith', 'Bill Smith'],
    ['Robert Johnson', 'Bob Johnson'],
    ['Robin Johnson', 'Rob Johnson'],
    ['Margaret Thompson', 'Peggy Tompson'],
    ['Jean Tremblay', 'Ti-Jean Tremblay'],
    ['Pierre St-Pierre', 'Pierrot Saint Pierre'],
  ])('%s / %s', (a, b) => {
    expect(givenOverlap(a, b)).toBe(true);
    expect(sameFirstSurname(a, b)).toBe(true);
  });

  it('parses the written and the registry forms of one name alike', () => {
    expect(parsePersonName('ORTIZ PENA, MA. GPE.')).toEqual(
      parsePersonName('María Guadalupe Ortiz Peña'),
    );
    expect(parsePersonName('GARCIA HERNANDEZ, JOSE LUIS')).toEqual(
      parsePersonName('José Luis García Hernández'),
    );
    expect(parsePersonName('Tremblay, Jean-François')).toEqual(
      parsePersonName('Jean-François Tremblay'),
    );
  });

  it('links a person to the acronym they are known by', () => {
    expect(looksLikeAcronym('GRL')).toBe(true);
    expect(acronymOf(parsePersonName('Genaro Ramírez Lozano'))).toBe('grl');
  });
});

describe('names of different people', () => {
  it.each<[string, string]>([
    ['Robert Johnson', 'Robin Johnson'],
    ['José García', 'Juan García'],
    ['Francisco López', 'Francisca López'],
    ['Alberto Ruiz', 'Ricardo Ruiz'],
  ])('%s / %s have no compatible given name', (a, b) => {
    expect(givenOverlap(a, b)).toBe(false);
  });

  it('keeps López and Lozano apart', () => {
    expect(sameFirstSurname('Juan López', 'Juan Lozano')).toBe(false);
  });
});

describe('throughput', () => {
  it('parses a hundred thousand names well within a second per ten thousand', () => {
    const names = [
      'María Guadalupe Ortiz Peña',
      'ORTIZ PENA, MA. GPE.',
      'JUAN CARLOS PEREZ LOPEZ',
      'Smith Jr., John',
      'Jean-François Tremblay',
    ];
    const start = performance.now();
    let n = 0;
    for (let i = 0; i < 100_000; i++) n += parsePersonName(names[i % names.length]!).given.length;
    expect(n).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
