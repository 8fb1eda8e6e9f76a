import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/index.js';

// Every message key the command line names must exist in every language.

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles('src/cli')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'cli:([\w.]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/header: '(\w+)'/g)) keys.add(`column.${m[1]}`);
    for (const m of text.matchAll(/\['(\w+)', [^\]]+\]/g)) keys.add(`label.${m[1]}`);
    for (const m of text.matchAll(/describe\([^;]*?, ctx, '(\w+)'/gs))
      keys.add(`${m[1]}.description`);
  }
  return keys;
}

const catalogue = (lng: string) =>
  JSON.parse(readFileSync(`src/i18n/locales/${lng}/cli.json`, 'utf8')) as object;

function has(tree: object, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: unknown = tree;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  const leaf = node as Record<string, unknown> | undefined;
  return typeof leaf?.[last] === 'string' || typeof leaf?.[`${last}_other`] === 'string';
}

describe('cli messages', () => {
  const keys = [...usedKeys()];

  it('finds the keys it checks', () => {
    expect(keys).toContain('serve.description');
    expect(keys).toContain('column.agency');
    expect(keys.length).toBeGreaterThan(60);
  });

  it.each([...LOCALES])('has every key in %s', (lng) => {
    const tree = catalogue(lng);
    expect(keys.filter((k) => !has(tree, k))).toEqual([]);
  });
});
