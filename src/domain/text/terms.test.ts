import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, queryTerms, searchTerms } from './terms.js';

describe('searchTerms', () => {
  it('folds and splits a Mexican full name', () => {
    expect(searchTerms(['María Guadalupe Ortiz Peña'])).toEqual([
      'guadalupe',
      'maria',
      'ortiz',
      'pena',
    ]);
  });

  it('matches what a searcher types without accents', () => {
    const indexed = new Set(searchTerms(['María Guadalupe Ortiz Peña']));
    for (const t of queryTerms('maria ortiz PENA')) expect(indexed.has(t)).toBe(true);
  });

  it('adds both parts and the joined form of hyphenated names', () => {
    expect(searchTerms(['Anna Kowalski-Grant'])).toEqual([
      'anna',
      'grant',
      'kowalski',
      'kowalskigrant',
    ]);
    expect(searchTerms(['Jean-François Côté'])).toEqual([
      'cote',
      'francois',
      'jean',
      'jeanfrancois',
    ]);
  });

  it('glues surname particles to the following word', () => {
    const terms = searchTerms(['Juan de la Cruz Ramírez']);
    expect(terms).toEqual(
      expect.arrayContaining(['juan', 'de', 'la', 'cruz', 'ramirez', 'delacruz', 'lacruz']),
    );
    expect(searchTerms(['Ana del Río'])).toContain('delrio');
    expect(searchTerms(['Ana del Río'])).not.toContain('anadelrio');
  });

  it('does not glue the conjunction y', () => {
    const terms = searchTerms(['José Ortiz y Peña']);
    expect(terms).not.toContain('ypena');
    expect(terms).not.toContain('ortizypena');
  });

  it('handles apostrophes and initials', () => {
    expect(searchTerms(["Seán O'Brien"])).toEqual(expect.arrayContaining(['o', 'brien', 'obrien']));
    expect(searchTerms(['J.R. Smith'])).toEqual(expect.arrayContaining(['j', 'r', 'jr', 'smith']));
  });

  it('adds identifiers without their separators', () => {
    expect(searchTerms(['ABC-123 45'])).toEqual(['123', '45', 'abc', 'abc123', 'abc12345']);
  });

  it('does not compact long prose that happens to contain digits', () => {
    const terms = searchTerms(['Calle 5 de Mayo 123, Tijuana']);
    expect(terms).not.toContain('calle5demayo123tijuana');
    expect(terms).toContain('demayo');
  });

  it('compacts formatted phone numbers', () => {
    expect(searchTerms(['+52 (55) 1234-5678'])).toContain('525512345678');
  });

  it('keeps single letters and digits', () => {
    expect(searchTerms(['a 1'])).toEqual(['1', 'a', 'a1']);
  });

  it('truncates long terms', () => {
    const long = 'x'.repeat(100);
    expect(searchTerms([long])).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });

  it('is Unicode-aware beyond Latin script', () => {
    expect(searchTerms(['Москва 2024'])).toEqual(expect.arrayContaining(['москва', '2024']));
  });

  it('returns sorted unique terms across values and ignores empty ones', () => {
    expect(searchTerms(['Pérez', 'PEREZ', '  ', '', '--'])).toEqual(['perez']);
    expect(searchTerms([])).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('folds and splits without joined forms', () => {
    expect(queryTerms('Kowalski-Grant  de la Cruz')).toEqual([
      'kowalski',
      'grant',
      'de',
      'la',
      'cruz',
    ]);
  });

  it('dedupes and drops punctuation-only input', () => {
    expect(queryTerms('Peña pena PEÑA')).toEqual(['pena']);
    expect(queryTerms(' -- ')).toEqual([]);
  });

  it('finds a record written with separators when the query is compacted', () => {
    const indexed = new Set(searchTerms(['ABC-123 45']));
    expect(queryTerms('abc12345').every((t) => indexed.has(t))).toBe(true);
    expect(queryTerms('ABC 123-45').every((t) => indexed.has(t))).toBe(true);
  });

  it('finds a compound surname typed as one word', () => {
    const indexed = new Set(searchTerms(['Luis de la Cruz']));
    expect(queryTerms('Delacruz').every((t) => indexed.has(t))).toBe(true);
  });
});
