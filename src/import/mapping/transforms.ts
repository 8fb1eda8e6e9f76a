import { reformatDate, type DateFormat } from './date-format.js';

/** How one property's values are cleaned on their way in. */
export interface Transforms {
  trim?: boolean;
  split?: string;
  remove?: string;
  upper?: boolean;
  lower?: boolean;
  map?: Record<string, string>;
  strict?: boolean;
  number?: 'comma' | 'dot';
  date?: DateFormat;
  unit?: string;
}

export type Transformed =
  { ok: true; values: string[] } | { ok: false; value: string; expected: string };

const BARE_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Applies the transforms in a fixed order (see docs/import.md); empty values are dropped. */
export function transform(raw: string, t: Transforms, lookup?: Map<string, string>): Transformed {
  let values = t.split ? raw.split(t.split) : [raw];
  if (t.trim !== false) values = values.map((v) => v.trim());
  values = values.filter((v) => v !== '');
  const out: string[] = [];
  for (let v of values) {
    if (t.remove) v = [...v].filter((c) => !t.remove!.includes(c)).join('');
    if (t.upper) v = v.toLocaleUpperCase('und');
    if (t.lower) v = v.toLocaleLowerCase('und');
    if (lookup) {
      const mapped = lookup.get(v.toLocaleLowerCase('und'));
      if (mapped !== undefined) v = mapped;
      else if (t.strict)
        return { ok: false, value: v, expected: `one of: ${[...Object.keys(t.map!)].join(', ')}` };
    }
    if (t.number === 'comma') v = v.replace(/\./g, '').replace(',', '.');
    if (t.date) {
      const iso = reformatDate(v, t.date);
      if (!iso) return { ok: false, value: v, expected: `a date as ${t.date}` };
      v = iso;
    }
    if (t.unit && BARE_NUMBER.test(v)) v = `${v.replace(',', '.')} ${t.unit}`;
    if (v !== '') out.push(v);
  }
  return { ok: true, values: out };
}

/** Map keys are compared case-insensitively, after trimming. */
export function mapLookup(
  map: Record<string, string> | undefined,
): Map<string, string> | undefined {
  if (!map) return undefined;
  return new Map(Object.entries(map).map(([k, v]) => [k.trim().toLocaleLowerCase('und'), v]));
}
