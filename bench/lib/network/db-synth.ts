/**
 * The full synthetic data set of `puente synth` in the database `puente_network_synth_<scale>`:
 * the demo's staff (seedStaff), then every partner's export loaded through the real import path
 * and resolved into entities (loadSynthetic, as `puente demo` and test/network/synthetic.test.ts
 * load it), then VACUUM (ANALYZE). Kept and reused by fingerprint (db-cache.ts), since the load
 * takes minutes.
 *
 * The ground truth of the planted networks (truth/networks.json, which scorePlanted reads) is
 * not in the database: the synthetic files are generated once into a cache folder named after
 * the data set's records key, kept there beside the database's fingerprint, and the marker
 * holds a hash of networks.json, so a folder lost since (a cleaned temp folder) is generated
 * again and checked against the database.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadSynthetic } from '../../../src/demo/load-synthetic.js';
import { seedStaff } from '../../../src/demo/seed-staff.js';
import type { Call } from '../../../src/services/context.js';
import type { Db } from '../../../src/storage/database.js';
import { generateSynth } from '../../../src/synth/generate.js';
import { fingerprintOf } from '../dataset/fingerprint.js';
import type { Log } from '../types.js';
import {
  cachedDatabase,
  dataSources,
  recordsKeyOf,
  withClient,
  type MarkerSummary,
} from './db-cache.js';

/**
 * What the loaded data is made from: this loader and every module it runs (the generator, the
 * import path, validation, entity resolution, the demo's staff), found by following imports,
 * so a change in code the load never runs (the network's readers, the HTTP API) keeps the data.
 */
const sources = () =>
  dataSources([
    'bench/lib/network/db-synth.ts',
    'src/demo/load-synthetic.ts',
    'src/demo/seed-staff.ts',
    'src/services/imports/importer.ts',
  ]);

export const synthDatabaseName = (scale: number) => `puente_network_synth_${scale}`;

/** The synthetic files of a data set, ground truth included, kept between runs. */
const CACHE = join(tmpdir(), 'puente-network-db');

export interface SynthDataset extends MarkerSummary {
  scale: number;
  seed: number;
  files: number;
  records: number;
  links: number;
  /** Per file: rows, records and links written, ms. */
  imports: { file: string; rows: number; records: number; links: number; ms: number }[];
  resolve: { entities: number; mergedEntities: number; pairs: number; seconds: number };
  /** Import and resolution (loadSynthetic), seconds. */
  loadSeconds: number;
  /** Staff, load and VACUUM (ANALYZE). */
  buildSeconds: number;
  bySchema: Record<string, number>;
  databaseSize?: string;
  /** sha256 of truth/networks.json as generated for this data set. */
  truthSha: string;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The synthetic files of `scale` and `seed` in their cache folder (generated when missing),
 * with the fingerprint beside them; folders of other records keys for the same size go.
 */
function synthFiles(
  scale: number,
  seed: number,
  recordsKey: string,
  fingerprint: string,
  log: Log,
) {
  const prefix = `synth-${scale}-seed-${seed}-`;
  const dir = join(CACHE, `${prefix}${recordsKey}`);
  const truth = join(dir, 'truth', 'networks.json');
  if (!existsSync(truth)) {
    if (existsSync(CACHE))
      for (const old of readdirSync(CACHE))
        if (old.startsWith(prefix)) rmSync(join(CACHE, old), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    log(`generating the synthetic files (scale ${scale}, seed ${seed}) into ${dir}`);
    generateSynth({ scale, seed, out: dir });
  }
  writeFileSync(join(dir, 'fingerprint.json'), `${JSON.stringify({ recordsKey, fingerprint })}\n`);
  return { dir, truthDir: join(dir, 'truth'), truthSha: sha(truth) };
}

export interface SynthDatabase {
  url: string;
  summary: SynthDataset;
  state: 'built' | 'migrated' | 'reused';
  seconds: number;
  /** The folder holding truth/networks.json, for scorePlanted. */
  truthDir: string;
  filesDir: string;
}

export async function synthDatabase(o: {
  serverUrl: string;
  scale: number;
  seed: number;
  log: Log;
}): Promise<SynthDatabase> {
  const params = { scale: o.scale, seed: o.seed };
  const files = sources();
  const fingerprint = fingerprintOf(files, params);
  const recordsKey = recordsKeyOf(files, params);
  const kept = synthFiles(o.scale, o.seed, recordsKey, fingerprint, o.log);
  const db = await cachedDatabase<SynthDataset>({
    serverUrl: o.serverUrl,
    name: synthDatabaseName(o.scale),
    fingerprint,
    recordsKey,
    what: `the synthetic data set at scale ${o.scale}, seed ${o.seed}`,
    log: o.log,
    build: (url, database) => buildSynth(url, database, o, kept.truthSha),
  });
  if (db.summary.truthSha !== kept.truthSha)
    throw new Error(
      `${kept.truthDir}/networks.json differs from the one ${synthDatabaseName(o.scale)} was loaded with`,
    );
  return { ...db, truthDir: kept.truthDir, filesDir: kept.dir };
}

async function buildSynth(
  url: string,
  db: Db,
  o: { scale: number; seed: number; log: Log },
  truthSha: string,
): Promise<Omit<SynthDataset, keyof MarkerSummary>> {
  const started = performance.now();
  const operator: Call = { db, viewer: null, operator: true };
  await seedStaff(operator);
  o.log(`loading the synthetic data set (scale ${o.scale}) through the import path`);
  const imports: SynthDataset['imports'] = [];
  let resolve: SynthDataset['resolve'] = { entities: 0, mergedEntities: 0, pairs: 0, seconds: 0 };
  const loadStarted = performance.now();
  const total = await loadSynthetic(db, {
    scale: o.scale,
    seed: o.seed,
    onFile: (file, s) => {
      const records = s.records.written + s.records.updated;
      const links = s.links.written + s.links.updated;
      imports.push({ file, rows: s.rows, records, links, ms: s.elapsedMs });
      o.log(
        `imported ${file}: ${s.rows} rows, ${records} records, ${links} links in ${(s.elapsedMs / 1000).toFixed(1)} s`,
      );
    },
    onResolved: (s) => {
      resolve = {
        entities: s.entities,
        mergedEntities: s.mergedEntities,
        pairs: s.pairs,
        seconds: s.seconds,
      };
      o.log(
        `resolved ${s.records} records into ${s.entities} entities (${s.mergedEntities} merged) in ${s.seconds.toFixed(1)} s`,
      );
    },
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  o.log(`loaded in ${loadSeconds.toFixed(0)} s; vacuum analyze`);
  await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
  const { rows } = await sql<{ k: string; n: number }>`
    SELECT schema AS k, count(*)::int AS n FROM puente.record GROUP BY 1 ORDER BY 1`.execute(db);
  const { rows: size } = await sql<{ size: string }>`
    SELECT pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
  return {
    scale: o.scale,
    seed: o.seed,
    ...total,
    imports,
    resolve,
    loadSeconds,
    buildSeconds: (performance.now() - started) / 1000,
    bySchema: Object.fromEntries(rows.map((r) => [r.k, r.n])),
    databaseSize: size[0]?.size,
    truthSha,
  };
}
