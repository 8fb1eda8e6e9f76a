import { describe, expect, it } from 'vitest';
import { birthYear, compareBirthDates, type BirthDateMatch } from './birth-date.js';

describe('compareBirthDates', () => {
  it.each<[string | null | undefined, string | null | undefined, BirthDateMatch]>([
    ['1985-03-14', '1985-03-14', 'exact'],
    ['2001-12-31', '2001-12-31', 'exact'],
    ['1985-03-14', '1985-03-14T00:00:00Z', 'exact'],
    // Day and month exchanged.
    ['1985-03-04', '1985-04-03', 'swapped'],
    ['1985-01-10', '1985-10-01', 'swapped'],
    ['1985-12-11', '1985-11-12', 'swapped'],
    ['1985-03-14', '1985-14-03', 'unknown'], // no month 14
    ['1985-03-13', '1986-13-03', 'unknown'],
    ['1985-03-04', '1986-04-03', 'conflict'],
    // Partial dates agreeing as far as they go.
    ['1985', '1985-03-14', 'year'],
    ['1985-03-14', '1985', 'year'],
    ['1985-03', '1985-03-14', 'year'],
    ['1985', '1985-03', 'year'],
    ['1985', '1985', 'year'],
    ['1985-03', '1985-03', 'year'],
    ['1985-03', '1985-04-14', 'conflict'],
    ['1985-03', '1985-04', 'conflict'],
    ['1985', '1986-03-14', 'conflict'],
    ['1985', '1986', 'conflict'],
    // Year off by one.
    ['1985-03-14', '1986-03-14', 'near'],
    ['1990-03-14', '1989-03-14', 'near'],
    ['1999-12-31', '2000-12-31', 'near'],
    // One mistyped digit.
    ['1985-03-14', '1985-03-15', 'near'],
    ['1985-03-14', '1985-08-14', 'near'],
    ['1985-03-14', '1965-03-14', 'near'],
    ['1985-03-14', '2985-03-14', 'near'],
    ['1985-03-14', '1985-03-24', 'near'],
    // Two neighbouring digits of one field exchanged.
    ['1985-03-14', '1958-03-14', 'near'],
    ['1985-03-12', '1985-03-21', 'near'],
    ['1985-03-14', '1895-03-14', 'near'],
    ['1985-10-14', '1985-01-14', 'near'],
    // Exchanged across a field boundary, or two separate typos: a conflict.
    ['1985-03-14', '1983-05-14', 'conflict'],
    ['1985-03-14', '1985-04-13', 'conflict'],
    ['1985-03-14', '1986-03-15', 'conflict'],
    ['1985-03-14', '1975-03-24', 'conflict'],
    ['1985-03-14', '1988-03-17', 'conflict'],
    ['1985-03-14', '1962-07-30', 'conflict'],
    ['1985-03-14', '1985-04-15', 'conflict'],
    // Missing or not a date.
    [null, '1985-03-14', 'unknown'],
    ['1985-03-14', undefined, 'unknown'],
    ['', '1985-03-14', 'unknown'],
    [null, null, 'unknown'],
    ['14/03/1985', '1985-03-14', 'unknown'],
    ['1985-3-14', '1985-03-14', 'unknown'],
    ['85-03-14', '1985-03-14', 'unknown'],
    ['1985-00-14', '1985-03-14', 'unknown'],
    ['1985-03-00', '1985-03-14', 'unknown'],
    ['1985-03-32', '1985-03-14', 'unknown'],
    ['19a5-03-14', '1985-03-14', 'unknown'],
    ['1985/03/14', '1985-03-14', 'unknown'],
    ['1985-03-141', '1985-03-14', 'unknown'],
    ['198', '1985', 'unknown'],
  ])('%s vs %s -> %s', (a, b, match) => {
    expect(compareBirthDates(a, b)).toBe(match);
    expect(compareBirthDates(b, a)).toBe(match);
  });
});

describe('birthYear', () => {
  it.each([
    ['1985-03-14', 1985],
    ['1985-03', 1985],
    ['1985', 1985],
    ['2004-02-29T10:00:00Z', 2004],
    [null, null],
    [undefined, null],
    ['', null],
    ['March 1985', null],
    ['1985-13', null],
  ])('%s -> %s', (d, year) => {
    expect(birthYear(d)).toBe(year);
  });
});
