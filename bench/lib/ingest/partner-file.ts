import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Log } from '../types.js';
import { partnerLines } from './generate.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const HOME = join(tmpdir(), 'puente-ingest');

// What the lines depend on: the generator, the name/place/firearm tables and the seeded PRNG.
const SOURCES = [
  'bench/lib/ingest/generate.ts',
  'bench/lib/ingest/directory.ts',
  'bench/lib/dataset/agencies.ts',
  'bench/lib/dataset/people.ts',
  'bench/lib/dataset/things.ts',
  'src/synth/random.ts',
  'src/synth/pick-names.ts',
  'src/synth/curp.ts',
  'src/synth/tables',
];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => files(join(path, f)));
}

export interface PartnerFile {
  path: string;
  /** Entity lines. */
  records: number;
  /** Link lines. */
  links: number;
  bytes: number;
}

export interface PartnerFiles {
  fingerprint: string;
  /** By record count. */
  files: Record<number, PartnerFile>;
  generatedSeconds: number | null;
  reused: boolean;
}

function fingerprintOf(seed: number, sizes: number[]): string {
  const h = createHash('sha256').update(JSON.stringify({ seed, sizes }));
  for (const file of SOURCES.flatMap((s) => files(join(ROOT, s))))
    h.update(relative(ROOT, file)).update(readFileSync(file));
  return h.digest('hex').slice(0, 16);
}

/**
 * The partner files, one per size, generated in one pass (each smaller file is a prefix of the
 * larger ones) into the temp folder and reused while their fingerprint matches.
 */
export function partnerFiles(seed: number, wanted: number[], log: Log): PartnerFiles {
  const sizes = [...new Set(wanted)].filter((n) => n > 0).sort((a, b) => a - b);
  const fingerprint = fingerprintOf(seed, sizes);
  const dir = join(HOME, fingerprint);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    log(`reusing partner files ${dir}`);
    const files = JSON.parse(readFileSync(manifest, 'utf8')) as PartnerFiles['files'];
    return { fingerprint, files, generatedSeconds: null, reused: true };
  }
  // Older fingerprints are stale; the 5M file is about 2 GB.
  rmSync(HOME, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const out = sizes.map((n) => ({
    n,
    path: join(dir, `partner-${n}.ndjson`),
    fd: openSync(join(dir, `partner-${n}.ndjson.partial`), 'w'),
    records: 0,
    links: 0,
    bytes: 0,
  }));
  let open = out;
  let buffer: string[] = [];
  let buffered = 0;
  const flush = () => {
    const chunk = Buffer.from(buffer.join(''));
    for (const f of open) {
      writeSync(f.fd, chunk);
      f.bytes += chunk.length;
    }
    buffer = [];
    buffered = 0;
  };
  let records = 0;
  for (const line of partnerLines(seed)) {
    // A file is complete once it has its records and the link that may follow the last one.
    if (line.kind === 'record') {
      const done = open.filter((f) => f.records === f.n);
      if (done.length) {
        flush();
        for (const f of done) closeSync(f.fd);
        open = open.filter((f) => f.records < f.n);
        if (open.length === 0) break;
      }
      records++;
      if (records % 500_000 === 0) log(`generated ${records} records`);
    }
    for (const f of open) {
      if (line.kind === 'record') f.records++;
      else f.links++;
    }
    buffer.push(line.text, '\n');
    buffered += line.text.length;
    if (buffered > 1 << 20) flush();
  }
  for (const f of out) renameSync(`${f.path}.partial`, f.path);
  const files = Object.fromEntries(
    out.map((f) => [f.n, { path: f.path, records: f.records, links: f.links, bytes: f.bytes }]),
  );
  writeFileSync(manifest, JSON.stringify(files, null, 2));
  const generatedSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`generated partner files in ${generatedSeconds} s: ${dir}`);
  return { fingerprint, files, generatedSeconds, reused: false };
}
