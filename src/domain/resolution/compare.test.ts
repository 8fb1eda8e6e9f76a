import { describe, expect, it } from 'vitest';
import { buildCurp } from '../../synth/curp.js';
import { blockingKeys } from './blocking.js';
import { compare } from './compare.js';
import { FEATURES } from './features.js';
import { priorModel, scoreComparison } from './model.js';
import { prepare, type Prepared } from './prepare.js';
import { profileOf } from './profile.js';

let next = 0;
const person = (properties: Record<string, string[]>): Prepared =>
  prepare(profileOf({ id: `r${next++}`, schema: 'Person', properties, country: 'MX' })!);
const named = (name: string, birthDate?: string) =>
  person({ name: [name], ...(birthDate ? { birthDate: [birthDate] } : {}) });

const model = priorModel('person');
const probability = (a: Prepared, b: Prepared) => scoreComparison(model, compare(a, b)).probability;
const level = (a: Prepared, b: Prepared, feature: string) =>
  compare(a, b).levels[FEATURES.person.indexOf(feature)];
const sharesKey = (a: Prepared, b: Prepared) =>
  blockingKeys(a).some((k) => blockingKeys(b).includes(k));

describe('the same person written differently', () => {
  it.each([
    ['Dra. Beth Kowalski-Grant', 'Elizabeth Kowalski-Grant'],
    ['María Guadalupe Ortiz Peña', 'Lupe Ortiz'],
    ['María Guadalupe Ortiz Peña', 'ORTIZ PENA, MA. GPE.'],
    ['José Luis García Hernández', 'Pepe Garcia'],
    ['José Luis García Hernández', 'GARCIA HERNANDEZ, JOSE L.'],
    ['Jean-François Tremblay', 'J.-F. Tremblay'],
    ['Jesús Rodríguez Beltrán', 'Chuy Rodriguez'],
    ['Francisco Javier Núñez Vargas', 'Paco Nunez'],
    ['Guillermo Ramírez', 'Memo Ramires'],
    ['William Johnson', 'Bill Johnson'],
    ['Marie-Ève Côté-Gagnon', 'Marie Eve Cote Gagnon'],
    ['Juan Carlos de la Cruz Ramírez', 'DE LA CRUZ RAMIREZ, JUAN CARLOS'],
  ])('%s = %s (same birth date)', (x, y) => {
    const a = named(x, '1971-04-12');
    const b = named(y, '1971-04-12');
    expect(sharesKey(a, b), 'blocking must bring them together').toBe(true);
    expect(probability(a, b)).toBeGreaterThan(0.8);
  });

  it('meets initials: "GRL" and Genaro Ramírez Lozano', () => {
    const a = named('Genaro Ramírez Lozano', '1961-09-30');
    const b = named('GRL', '1961-09-30');
    expect(level(a, b, 'acronym')).toBe(0);
    expect(sharesKey(a, b)).toBe(true);
    expect(probability(a, b)).toBeGreaterThan(0.8);
  });

  it('reads day and month swapped as weaker agreement, not conflict', () => {
    expect(
      level(named('Ana López', '1980-03-07'), named('Ana López', '1980-07-03'), 'birthDate'),
    ).toBe(1);
  });

  it('takes a CURP as birth date when none is written', () => {
    const curp = buildCurp({
      paternal: 'Ortiz',
      maternal: 'Peña',
      given: 'María Guadalupe',
      birthDate: '1982-03-14',
      sex: 'M',
      state: 'JC',
      differentiator: '0',
    });
    const a = person({ name: ['María Guadalupe Ortiz Peña'], curp: [curp] });
    expect(level(a, named('Lupe Ortiz', '1982-03-14'), 'birthDate')).toBe(0);
  });
});

describe('different people with the same name', () => {
  it('keeps namesakes apart when their birth dates conflict', () => {
    const a = named('José García', '1970-05-02');
    const b = named('José García', '1988-11-23');
    expect(compare(a, b).conflict).toBe('birthDate');
  });

  it('never joins two valid, different CURPs', () => {
    const curp = (birthDate: string) =>
      buildCurp({
        paternal: 'García',
        maternal: 'López',
        given: 'José',
        birthDate,
        sex: 'H',
        state: 'DF',
        differentiator: '0',
      });
    const a = person({ name: ['José García López'], curp: [curp('1970-05-02')] });
    const b = person({ name: ['José García López'], curp: [curp('1970-05-03')] });
    expect(compare(a, b).conflict).toBe('curp');
  });

  it('weighs a shared common surname less than a rare one', () => {
    const prior = priorModel('person');
    const common = {
      ...prior,
      frequencies: { 's:garcia': 0.03 },
      trainedOn: { ...prior.trainedOn, pairs: 1000 },
    };
    const s = (x: Prepared, y: Prepared) => scoreComparison(common, compare(x, y)).weight;
    expect(s(named('Ana Garcia'), named('Ana Garcia'))).toBeLessThan(
      s(named('Ana Kowalski'), named('Ana Kowalski')),
    );
  });

  it('does not take Robert and Robin for each other, but Rob for either', () => {
    expect(level(named('Robert Hale'), named('Robin Hale'), 'given')).toBe(5);
    expect(level(named('Rob Hale'), named('Robin Hale'), 'given')).toBe(2);
    expect(level(named('Rob Hale'), named('Robert Hale'), 'given')).toBe(2);
  });
});

describe('organizations', () => {
  const org = (name: string, taxNumber?: string) =>
    prepare(
      profileOf({
        id: `o${next++}`,
        schema: 'Company',
        properties: { name: [name], ...(taxNumber ? { taxNumber: [taxNumber] } : {}) },
      })!,
    );
  it('folds legal forms: S.A. de C.V., LLC, Ltée', () => {
    const m = priorModel('organization');
    for (const [x, y] of [
      ['Químicos del Pacífico, S.A. de C.V.', 'QUIMICOS DEL PACIFICO SA DE CV'],
      ['Acme Logistics LLC', 'ACME LOGISTICS, L.L.C.'],
      ['Transports Lévesque Ltée', 'Transports Levesque Ltd.'],
    ]) {
      const a = org(x!);
      const b = org(y!);
      expect(blockingKeys(a).some((k) => blockingKeys(b).includes(k))).toBe(true);
      expect(compare(a, b).levels[0]).toBe(0);
      expect(scoreComparison(m, compare(a, b)).weight).toBeGreaterThan(0);
    }
  });
});
