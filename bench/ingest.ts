import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrate.js';
import { copyFloor } from './lib/ingest/copy-floor.js';
import { createDirectory } from './lib/ingest/directory.js';
import { IMPORTER, LINK_RATE, MARKING_MIX, SCHEMA_MIX } from './lib/ingest/generate.js';
import type { ChildOutput } from './lib/ingest/import-child.js';
import { partnerFiles, type PartnerFile } from './lib/ingest/partner-file.js';
import { runImport } from './lib/ingest/run-import.js';
import { round } from './lib/stats.js';
import type { Benchmark, Context, Figure, Log, Measurement } from './lib/types.js';

export const INGEST_DATABASE = 'puente_ingest';
const RATIO_MIN = 0.4;
const RSS_GROWTH_MAX = 1.25;

const rows = (f: PartnerFile) => f.records + f.links;
const rate = (f: PartnerFile, seconds: number): Figure => ({
  value: Math.round(rows(f) / seconds),
  unit: 'records/s',
});
const secs = (value: number): Figure => ({ value: round(value, 1), unit: 's' });

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh benchmark database with the schema and the directory; returns its URL. */
async function freshDatabase(serverUrl: string, log: Log): Promise<string> {
  await withClient(serverUrl, async (c) => {
    // The name is a constant, never input: identifiers cannot be parameters.
    await c.query(`DROP DATABASE IF EXISTS ${INGEST_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${INGEST_DATABASE}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${INGEST_DATABASE}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 1 });
  try {
    await migrate(database.db);
    await createDirectory(database.db);
  } finally {
    await database.close();
  }
  log(`created ${INGEST_DATABASE}`);
  return url.toString();
}

async function dropDatabase(serverUrl: string): Promise<void> {
  await withClient(serverUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${INGEST_DATABASE} WITH (FORCE)`),
  );
}

/** Other benchmark runs on the machine: their load distorts these figures. */
function otherBenchmarks(): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid || Number(pid) === process.ppid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (/bench\/run\.ts/.test(cmd) && !cmd.includes(' ingest')) n++;
    } catch {
      // The process ended while we looked.
    }
  }
  return n;
}

function describeRun(name: string, f: PartnerFile, out: ChildOutput) {
  return {
    name,
    file: { records: f.records, links: f.links, bytes: f.bytes },
    seconds: round(out.seconds, 1),
    setupSeconds: round(out.setupSeconds, 1),
    recordsPerSecond: Math.round(rows(f) / out.seconds),
    summary: out.summary,
    maxRssMb: out.maxRssMb,
    rss: out.rss,
  };
}

async function run(ctx: Context): Promise<Measurement> {
  const num = (name: string) => {
    const n = Number(ctx.options[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const size = num('records');
  const large = num('large');
  const small = num('pglite');
  if (size === 0) throw new Error('--records must be above 0');
  const seed = num('seed');
  const busy = otherBenchmarks();
  if (busy) ctx.log(`warning: ${busy} other benchmark process(es) running`);

  const partner = partnerFiles(seed, [small, size, large], ctx.log);
  const file = partner.files[size]!;
  const figures: Record<string, Figure> = {};
  const details: Record<string, unknown> = {};
  const notes: string[] = [];

  let url = await freshDatabase(ctx.serverUrl, ctx.log);
  try {
    ctx.log(`COPY floor: ${rows(file)} lines`);
    const floorSeconds = await copyFloor(url, file.path);
    figures.copy_floor_records_per_s = rate(file, floorSeconds);
    figures.copy_floor_seconds = secs(floorSeconds);
    ctx.log(`COPY floor: ${floorSeconds.toFixed(1)} s`);

    ctx.log(`import into PostgreSQL: ${rows(file)} lines`);
    const pgRun = await runImport({ url, file: file.path, setup: false }, ctx.log);
    figures.pg_records_per_s = rate(file, pgRun.seconds);
    figures.pg_seconds = secs(pgRun.seconds);
    figures.ratio_to_floor = {
      value: round(figures.pg_records_per_s.value / figures.copy_floor_records_per_s.value, 3),
      unit: 'ratio',
    };
    figures.rss_mb_1m = { value: pgRun.maxRssMb, unit: 'MB' };
    details.postgres = describeRun('first import', file, pgRun);
    ctx.log(`import: ${pgRun.seconds.toFixed(1)} s, ${pgRun.maxRssMb} MB peak`);

    if (ctx.options.reimport === 'yes') {
      ctx.log('import the same file again (idempotence)');
      const again = await runImport({ url, file: file.path, setup: false }, ctx.log);
      figures.pg_reimport_seconds = secs(again.seconds);
      details.reimport = describeRun('same file again', file, again);
    }

    if (large > 0) {
      const big = partner.files[large]!;
      url = await freshDatabase(ctx.serverUrl, ctx.log);
      ctx.log(`import into PostgreSQL: ${rows(big)} lines (memory)`);
      const bigRun = await runImport({ url, file: big.path, setup: false }, ctx.log);
      figures.rss_mb_5m = { value: bigRun.maxRssMb, unit: 'MB' };
      figures.rss_growth = { value: round(bigRun.maxRssMb / pgRun.maxRssMb, 3), unit: 'ratio' };
      figures.pg_large_records_per_s = rate(big, bigRun.seconds);
      details.postgresLarge = describeRun('large import', big, bigRun);
      ctx.log(`large import: ${bigRun.seconds.toFixed(1)} s, ${bigRun.maxRssMb} MB peak`);
    }
  } finally {
    // The 5M database takes tens of GB; nothing reads it afterwards.
    await dropDatabase(ctx.serverUrl);
  }

  if (small > 0) {
    const f = partner.files[small]!;
    const dataDir = mkdtempSync(join(tmpdir(), 'puente-ingest-pglite-'));
    try {
      ctx.log(`import into the embedded database: ${rows(f)} lines`);
      const lite = await runImport({ dataDir, file: f.path, setup: true }, ctx.log);
      figures.pglite_records_per_s = rate(f, lite.seconds);
      figures.pglite_seconds = secs(lite.seconds);
      figures.pglite_rss_mb = { value: lite.maxRssMb, unit: 'MB' };
      details.pglite = describeRun('embedded import', f, lite);
      ctx.log(`embedded import: ${lite.seconds.toFixed(1)} s`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  notes.push(
    `The partner file: ${file.records} entity lines of ${IMPORTER.code} (schemas ${JSON.stringify(SCHEMA_MIX)}) and a link after about ${LINK_RATE * 100}% of them (${file.links} links), NDJSON in the native format; markings per line ${JSON.stringify(MARKING_MIX)} ('none' takes the file default AMBER REL TO US, MX). "records" in every rate are lines of the file: a record or a link.`,
    'copy_floor: COPY FROM STDIN of the same file, one jsonb row per line, into an unconstrained table (logged, no index) of the same database; file read to commit.',
    `pg: importFile (the service behind puente import) in a child process under tsx, as the ${IMPORTER.code} bulk-import user: every line validated, sharing resolved, staged, merged by natural key into versions, heads and search terms maintained, links resolved, audit entries written; file open to commit. ratio_to_floor = pg_records_per_s / copy_floor_records_per_s.`,
    'rss_mb_*: process.resourceUsage().maxRSS of the import child (Node, tsx and the file stream; PostgreSQL is a separate process). rss_growth = rss_mb_5m / rss_mb_1m.',
    small > 0
      ? `pglite: the same import into the embedded database (PGlite, a fresh data directory in the temp folder) at ${rows(partner.files[small]!)} lines (the first ${small} records of the same file); pglite_rss_mb includes the embedded database, which runs in the same process.`
      : 'pglite: skipped (--pglite 0).',
  );
  if (busy) notes.push(`${busy} other benchmark process(es) ran at the same time.`);

  return {
    dataset: {
      seed,
      fingerprint: partner.fingerprint,
      reused: partner.reused,
      generatedSeconds: partner.generatedSeconds,
      files: partner.files,
      schemaMix: SCHEMA_MIX,
      markingMix: MARKING_MIX,
      linkRate: LINK_RATE,
      agency: IMPORTER.code,
    },
    figures,
    baseline: {
      name: 'copy_floor',
      description:
        'a plain COPY of the same lines into an unconstrained table of the same database, measured in the same run',
      figures: ['copy_floor_records_per_s', 'copy_floor_seconds'],
    },
    details,
    notes,
  };
}

const benchmark: Benchmark = {
  name: 'ingest',
  description:
    'Bulk import of a partner NDJSON file (validation, markings, links, audit) into PostgreSQL against a plain COPY of the same rows, into the embedded database, and peak memory at two sizes',
  options: [
    { name: 'records', description: 'entity records in the main file', default: '1000000' },
    {
      name: 'large',
      description: 'records in the memory check file (0 skips)',
      default: '5000000',
    },
    {
      name: 'pglite',
      description: 'records imported into the embedded database (0 skips)',
      default: '200000',
    },
    {
      name: 'reimport',
      description: 'import the main file a second time (yes/no)',
      default: 'yes',
    },
    { name: 'seed', description: 'generator seed', default: '20250601' },
  ],
  targets: [
    {
      figure: 'ratio_to_floor',
      min: RATIO_MIN,
      unit: 'ratio',
      description: 'the import runs at 40% or more of a plain COPY of the same rows',
    },
    {
      figure: 'rss_growth',
      max: RSS_GROWTH_MAX,
      unit: 'ratio',
      description: 'flat memory: five times the rows take at most 25% more peak memory',
    },
  ],
  run,
};

export default benchmark;
