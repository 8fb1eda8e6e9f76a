import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';
import type { Benchmark, Figure, Measurement } from './lib/types.js';

// What the web app costs the browser: it is built as `npm run build:web` builds it (into a
// scratch directory, with Vite's manifest), and the JavaScript the first page loads, the entry
// chunk and every chunk it imports statically, is weighed gzipped. Lazy chunks (pages loaded
// when first opened) are listed with their own weight.

const INITIAL_MAX_KB = 300;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const size = (value: number): Figure => ({ value, unit: 'KB' });

/** A chunk's name without its content hash: assets/NetworkPage-DTCiQ_bs.js → NetworkPage. */
const nameOf = (file: string) =>
  file
    .replace(/^assets\//, '')
    .replace(/\.js$/, '')
    .replace(/-[\w-]{8}$/, '');

/** The entry and everything it imports statically, by manifest key. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(manifest, next, seen);
  return seen;
}

const bench: Benchmark = {
  name: 'web',
  description: 'Builds the web app and weighs the JavaScript of the first page, gzipped',
  options: [],
  targets: [
    {
      figure: 'initial_js_gzip_kb',
      max: INITIAL_MAX_KB,
      unit: 'KB',
      description: `The first page loads at most ${INITIAL_MAX_KB} KB of gzipped JavaScript`,
    },
  ],
  async run({ log }): Promise<Measurement> {
    const outDir = mkdtempSync(join(tmpdir(), 'puente-web-bench-'));
    try {
      process.env.NODE_ENV = 'production';
      const started = performance.now();
      await build({
        configFile: 'web/vite.config.ts',
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, manifest: true },
      });
      const buildSeconds = (performance.now() - started) / 1000;
      log(`built in ${buildSeconds.toFixed(1)} s`);
      const manifest = JSON.parse(
        readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
      ) as Manifest;
      const weigh = (file: string) => {
        const bytes = readFileSync(join(outDir, file));
        return { raw: bytes.length, gzip: gzipSync(bytes).length };
      };
      const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
      const initialKeys = staticClosure(manifest, entry);
      const initial = [...initialKeys].map((k) => ({
        chunk: nameOf(manifest[k]!.file),
        ...weigh(manifest[k]!.file),
      }));
      const initialCss = [...initialKeys]
        .flatMap((k) => manifest[k]!.css ?? [])
        .reduce((n, f) => n + weigh(f).gzip, 0);
      const lazy = Object.entries(manifest)
        .filter(([k, c]) => !initialKeys.has(k) && c.file.endsWith('.js'))
        .map(([, c]) => ({ chunk: nameOf(c.file), ...weigh(c.file) }))
        .sort((a, b) => b.gzip - a.gzip);
      const initialGzip = initial.reduce((n, c) => n + c.gzip, 0);
      const lazyChunks = Object.fromEntries(lazy.map((c) => [c.chunk, kb(c.gzip)]));
      log(`first page: ${kb(initialGzip)} KB gzipped in ${initial.length} chunk(s)`);
      return {
        dataset: { app: 'web/', entry, chunks: Object.keys(manifest).length },
        figures: {
          initial_js_gzip_kb: size(kb(initialGzip)),
          initial_js_raw_kb: size(kb(initial.reduce((n, c) => n + c.raw, 0))),
          initial_css_gzip_kb: size(kb(initialCss)),
          lazy_js_gzip_kb: size(kb(lazy.reduce((n, c) => n + c.gzip, 0))),
          build_s: { value: Math.round(buildSeconds * 10) / 10, unit: 's' },
        },
        baseline: {
          name: 'target',
          description: `At most ${INITIAL_MAX_KB} KB of gzipped JavaScript before the first page shows`,
          figures: ['initial_js_gzip_kb'],
        },
        details: {
          target_kb: INITIAL_MAX_KB,
          initial: initial.map((c) => ({ ...c, raw: kb(c.raw), gzip: kb(c.gzip) })),
          lazy_chunks_gzip_kb: lazyChunks,
        },
        notes: [
          'Sizes in KB of 1,024 bytes, gzipped with zlib at its default level (6), as served compressed.',
          'The first page is the entry chunk and its static imports (the sign-in page, the shell, the dashboard, search, records, entities, traces); pages behind React.lazy load when first opened.',
        ],
      };
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

export default bench;
