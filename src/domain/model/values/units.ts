import { foldText } from '../../text/fold.js';

export type UnitKind = 'measure' | 'count';

export interface Unit {
  canonical: string;
  kind: UnitKind;
  synonyms: readonly string[];
}

// Spellings seen in English, Spanish and French seizure reports, compared after
// accent and case folding. "ton" is left out on purpose: a US short ton and a
// metric tonne differ by 10%.
export const UNITS: readonly Unit[] = [
  { canonical: 'mg', kind: 'measure', synonyms: ['milligram', 'miligramo', 'milligramme'] },
  { canonical: 'g', kind: 'measure', synonyms: ['gr', 'grs', 'gram', 'gramo', 'gramme'] },
  {
    canonical: 'kg',
    kind: 'measure',
    synonyms: ['kgs', 'kilo', 'kilogram', 'kilogramo', 'kilogramme'],
  },
  { canonical: 'lb', kind: 'measure', synonyms: ['lbs', 'pound', 'libra'] },
  { canonical: 'oz', kind: 'measure', synonyms: ['ounce', 'onza', 'once'] },
  { canonical: 't', kind: 'measure', synonyms: ['tonne', 'tonelada', 'metric ton'] },
  {
    canonical: 'ml',
    kind: 'measure',
    synonyms: ['milliliter', 'millilitre', 'mililitro'],
  },
  { canonical: 'l', kind: 'measure', synonyms: ['lt', 'lts', 'liter', 'litre', 'litro'] },
  { canonical: 'gal', kind: 'measure', synonyms: ['gallon', 'galon', 'gallons', 'galones'] },
  { canonical: 'pills', kind: 'count', synonyms: ['pill', 'pastilla', 'pildora', 'pilule'] },
  {
    canonical: 'tablets',
    kind: 'count',
    synonyms: ['tablet', 'tableta', 'comprimido', 'comprime'],
  },
  { canonical: 'doses', kind: 'count', synonyms: ['dose', 'dosis'] },
  { canonical: 'units', kind: 'count', synonyms: ['unit', 'unidad', 'unidades', 'unite'] },
  {
    canonical: 'rounds',
    kind: 'count',
    synonyms: ['round', 'cartridge', 'cartucho', 'cartouche'],
  },
  {
    canonical: 'items',
    kind: 'count',
    synonyms: ['item', 'piece', 'pieza', 'pcs', 'pc', 'articulo'],
  },
];

function pluralForms(word: string): string[] {
  return [word, `${word}s`, `${word}es`];
}

const BY_SPELLING: ReadonlyMap<string, Unit> = new Map(
  UNITS.flatMap((unit) =>
    [unit.canonical, ...unit.synonyms].flatMap((s) =>
      pluralForms(s).map((f) => [f, unit] as const),
    ),
  ),
);

/** The unit a written unit stands for, ignoring case, accents, plurals and a final dot. */
export function findUnit(written: string): Unit | undefined {
  const key = foldText(written).replace(/\.$/, '').replace(/\s+/g, ' ').trim();
  return BY_SPELLING.get(key);
}
