import { describe, expect, it } from 'vitest';
import { normaliseQuantity } from './quantity.js';
import { findUnit, UNITS } from './units.js';

describe('normaliseQuantity', () => {
  it.each([
    ['12.5 kg', '12.5 kg'],
    ['12.50kg', '12.5 kg'],
    ['2,5 kg', '2.5 kg'],
    ['3000 pills', '3000 pills'],
    ['3,000 pills', '3000 pills'],
    ['3.000 pastillas', '3000 pills'],
    ['1,000,000 pills', '1000000 pills'],
    ['1 pill', '1 pills'],
    ['4 kilos', '4 kg'],
    ['4 Kilogramos', '4 kg'],
    ['10 píldoras', '10 pills'],
    ['10 pildoras', '10 pills'],
    ['500 comprimés', '500 tablets'],
    ['12 pieces', '12 items'],
    ['12 piezas', '12 items'],
    ['200 cartuchos', '200 rounds'],
    ['3 lbs.', '3 lb'],
    ['16 oz', '16 oz'],
    ['2 tonnes', '2 t'],
    ['2 toneladas', '2 t'],
    ['750 ml', '750 ml'],
    ['5 L', '5 l'],
    ['5 galones', '5 gal'],
    ['0.125 kg', '0.125 kg'],
    ['1,234.5 kg', '1234.5 kg'],
    ['1.234,5 kg', '1234.5 kg'],
    ['0 g', '0 g'],
    ['20 dosis', '20 doses'],
    ['3 unidades', '3 units'],
  ])('%s -> %s', (raw, value) => {
    expect(normaliseQuantity(raw)).toEqual({ ok: true, value });
  });

  it('rejects negative amounts', () => {
    expect(normaliseQuantity('-5 kg')).toMatchObject({ ok: false, code: 'invalid_quantity' });
  });

  it('refuses measures where the separator could mean thousands or decimals', () => {
    expect(normaliseQuantity('1.500 kg')).toMatchObject({
      ok: false,
      code: 'ambiguous_quantity',
    });
    expect(normaliseQuantity('1,500 kg')).toMatchObject({
      ok: false,
      code: 'ambiguous_quantity',
    });
  });

  it('wants whole numbers for counted units', () => {
    expect(normaliseQuantity('2.5 pills')).toMatchObject({ ok: false, code: 'invalid_quantity' });
  });

  it.each(['5 tons', '5 bricks', '5 parsecs'])('rejects unknown unit in %s', (raw) => {
    expect(normaliseQuantity(raw)).toMatchObject({ ok: false, code: 'invalid_unit' });
  });

  it.each(['kg', '12', '', 'kg 12', 'twelve kg', '1.2.3 kg'])('rejects %s', (raw) => {
    const r = normaliseQuantity(raw);
    expect(r.ok).toBe(false);
  });
});

describe('units', () => {
  it('gives every spelling a single meaning', () => {
    const seen = new Map<string, string>();
    for (const unit of UNITS) {
      for (const s of [unit.canonical, ...unit.synonyms]) {
        expect(seen.get(s) ?? unit.canonical).toBe(unit.canonical);
        seen.set(s, unit.canonical);
        expect(findUnit(s)?.canonical).toBe(unit.canonical);
      }
    }
  });
});
