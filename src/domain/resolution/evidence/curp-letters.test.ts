import { describe, expect, it } from 'vitest';
import { curpNameLetters } from './curp-letters.js';

describe('curpNameLetters', () => {
  it.each([
    // RENAPO's own example.
    ['Hernández', 'García', 'Gloria', 'HEGGRRL'],
    ['HERNANDEZ', 'GARCIA', 'GLORIA', 'HEGGRRL'],
    ['  hernandez ', 'garcia', 'gloria', 'HEGGRRL'],
    // Particles never give letters.
    ['de la Cruz', null, 'José Luis', 'CUXLRXS'],
    ['Del Río', 'de la Garza', 'Juan Carlos', 'RIGJXRN'],
    ['Van der Berg', 'Smith', 'Anne', 'BESARMN'],
    ['Mc Gregor', 'Y Lozano', 'Roberto', 'GELRRZB'],
    ['Ponce de León', 'Ruiz', 'Ernesto', 'PORENZR'],
    // José and María are passed over only when another given name follows.
    ['Pérez', 'López', 'María Guadalupe', 'PELGRPD'],
    ['Pérez', 'López', 'María', 'PELMRPR'],
    ['Pérez', 'López', 'Ma. del Carmen', 'PELCRPR'],
    ['Pérez', 'López', 'María José', 'PELJRPS'],
    ['Pérez', 'López', 'José', 'PELJRPS'],
    ['Pérez', 'López', 'J. Jesús', 'PELJRPS'],
    ['Pérez', 'López', 'Juan José', 'PELJRPN'],
    // A missing surname is X; a lone surname in either field is the first one.
    ['Pérez', '', 'José', 'PEXJRXS'],
    ['Pérez', undefined, 'Ana', 'PEXARXN'],
    [null, 'López', 'Ana', 'LOXAPXN'],
    ['', '', '', 'XXXXXXX'],
    // No inner vowel or consonant: X.
    ['Ng', 'Wu', 'Li', 'NXWLGXX'],
    ['Ortiz', 'Urbina', 'Íñigo', 'OIUIRRX'],
    // Ñ is written X, also when decomposed.
    ['Muñoz', 'Peña', 'Ñeco', 'MUPXXXC'],
    ['Mun\u0303oz', 'Pen\u0303a', 'Pedro', 'MUPPXXD'],
    ['Ibáñez', 'Núñez', 'Sofía', 'IANSBXF'],
    // Apostrophes join, hyphens split.
    ["D'Angelo", 'Rossi', 'Marco', 'DARMNSR'],
    ['García-Luna', 'Ruiz', 'Eva', 'GARERZV'],
    // Rude words get X as their second letter.
    ['Bueno', 'Esquivel', 'Yolanda', 'BXEYNSL'],
    ['Camacho', 'Castro', 'Ana', 'CXCAMSN'],
    ['Jordán', 'Torres', 'Octavio', 'JXTORRC'],
    ['Pérez', 'Pérez', 'Pedro', 'PEPPRRD'],
  ] as const)('%s / %s / %s -> %s', (paternal, maternal, given, letters) => {
    expect(curpNameLetters(paternal, maternal, given)).toBe(letters);
  });
});
