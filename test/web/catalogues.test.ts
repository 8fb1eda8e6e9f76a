import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_PROPERTIES, LINK_TYPE_DEFS } from '../../src/domain/model/link-types.js';
import { SCHEMA_DEFS } from '../../src/domain/model/schema-defs.js';
import { LOCALES } from '../../src/i18n/index.js';

// The web app's catalogues are complete in every language: its own strings, and a label for
// every schema, property, choice and link type the model has (a new one needs its labels).

type Tree = { [key: string]: string | Tree };

const catalogue = (lng: string, ns: string) =>
  JSON.parse(readFileSync(`src/i18n/locales/${lng}/${ns}.json`, 'utf8')) as Tree;

/** Leaf keys, with plural forms folded into their base key. */
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keys(v, `${prefix}${k}.`),
  );

const has = (tree: Tree, key: string) => keys(tree).includes(key);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : [join(dir, e.name)],
  );

describe('web catalogues', () => {
  it('have the same keys in English, Spanish and French', () => {
    for (const ns of ['web', 'model', 'tracing']) {
      const english = new Set(keys(catalogue('en', ns)));
      for (const lng of LOCALES)
        expect(new Set(keys(catalogue(lng, ns))), `${lng}/${ns}`).toEqual(english);
    }
  });

  it('name every schema, property, choice and link type of the model', () => {
    const needed = [
      ...SCHEMA_DEFS.map((s) => `schema.${s.name}`),
      ...[...SCHEMA_DEFS.flatMap((s) => s.properties), ...LINK_PROPERTIES].map(
        (p) => `property.${p.name}`,
      ),
      ...SCHEMA_DEFS.flatMap((s) => s.properties.flatMap((p) => p.enum ?? [])).map(
        (v) => `value.${v}`,
      ),
      ...LINK_TYPE_DEFS.flatMap((l) => [`link.${l.name}.label`, `link.${l.name}.reverse`]),
    ];
    const english = catalogue('en', 'model');
    expect(needed.filter((k) => !has(english, k))).toEqual([]);
  });

  it('hold every literal key the app uses', () => {
    const english = catalogue('en', 'web');
    const used = sourceFiles('web/src')
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)])
      .map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !has(english, k))).toEqual([]);
  });
});
