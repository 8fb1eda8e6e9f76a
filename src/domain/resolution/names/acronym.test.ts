import { describe, expect, it } from 'vitest';
import { acronymOf, looksLikeAcronym } from './acronym.js';
import { parsePersonName } from './person-name.js';

describe('acronymOf', () => {
  it.each<[string, string]>([
    ['Genaro Ramírez Lozano', 'grl'],
    ['Andrés Manuel López Obrador', 'amlo'],
    ['José Luis García Hernández', 'jlgh'],
    ['María Guadalupe Ortiz Peña', 'mgop'],
    ['ORTIZ PENA, MA. GPE.', 'mgop'],
    ['Juan de la Cruz Ramírez', 'jcr'],
    ['Ana del Río Ortiz', 'aro'],
    ['Jean-François Tremblay', 'jft'],
    ['J.-F. Tremblay', 'jft'],
    ['John F. Kennedy', 'jfk'],
    ['Dra. Beth Kowalski-Grant', 'bk'],
    ['Smith Jr., John', 'js'],
    ['Juan Ponce de León Gómez', 'jpg'],
    ['María de los Ángeles Pérez', 'map'],
    ['Marie-Ève Côté-Gagnon', 'mec'],
  ])('%s -> %s', (name, acronym) => {
    expect(acronymOf(parsePersonName(name))).toBe(acronym);
  });

  it('is empty for an empty name', () => {
    expect(acronymOf({ given: [], surnames: [], title: null, suffix: null })).toBe('');
  });
});

describe('looksLikeAcronym', () => {
  it.each<[string, boolean]>([
    ['GRL', true],
    ['AMLO', true],
    ['JLGH', true],
    ['MGOP', true],
    ['JFK', true],
    ['G.R.L.', true],
    ['A.M.L.O.', true],
    ['G. R. L.', true],
    [' GRL ', true],
    ['FGR', true],
    ['CJNG', true],
    ['JFT', true],
    // Short names written in capitals
    ['ANA', false],
    ['LUIS', false],
    ['JUAN', false],
    ['JOSE', false],
    ['EVA', false],
    ['PEPE', false],
    ['CHUY', false],
    ['LUPE', false],
    ['BETH', false],
    ['JEAN', false],
    ['LUC', false],
    ['MARC', false],
    ['ROY', false],
    ['RUIZ', false],
    ['DIAZ', false],
    ['CRUZ', false],
    ['SOTO', false],
    ['PAZ', false],
    ['LEE', false],
    ['LÓPEZ', false],
    ['PEÑA', false],
    ['MORA', false],
    // Not capitals, or not a single short token
    ['grl', false],
    ['Grl', false],
    ['G', false],
    ['GRLABC', false],
    ['GRL JR', false],
    ['Genaro Ramírez Lozano', false],
    ['', false],
    ['G1L', false],
  ])('%j -> %s', (raw, expected) => {
    expect(looksLikeAcronym(raw)).toBe(expected);
  });
});
