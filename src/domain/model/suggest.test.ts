import { describe, expect, it } from 'vitest';
import { closestName } from './suggest.js';

describe('closestName', () => {
  const names = ['birthDate', 'birthPlace', 'firstName', 'lastName', 'name'];

  it('suggests near misses', () => {
    expect(closestName('birthdate', names)).toBe('birthDate');
    expect(closestName('fistName', names)).toBe('firstName');
    expect(closestName('lastname', names)).toBe('lastName');
  });

  it('stays silent when nothing is close', () => {
    expect(closestName('dob', names)).toBeUndefined();
    expect(closestName('shoeSize', names)).toBeUndefined();
  });
});
