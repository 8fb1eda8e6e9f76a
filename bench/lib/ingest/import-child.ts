/**
 * One import in a process of its own, so its peak memory is the import's: opens the database
 * (PostgreSQL by URL, or an embedded data directory), optionally creates the schema and the
 * directory, then imports the file as the importing agency's bulk-import user, as
 * `puente import` does. Prints one JSON line with the outcome.
 */
import { createReadStream } from 'node:fs';
import { importFile } from '../../../src/services/imports/import-file.js';
import { importerFor } from '../../../src/services/imports/importer.js';
import { openDatabase } from '../../../src/storage/database.js';
import { migrate } from '../../../src/storage/migrate.js';
import { createDirectory } from './directory.js';
import { IMPORTER } from './generate.js';

export interface ChildInput {
  url?: string;
  dataDir?: string;
  file: string;
  /** Create the schema and the directory first (a fresh embedded database). */
  setup: boolean;
}

export interface ChildOutput {
  seconds: number;
  setupSeconds: number;
  summary: Awaited<ReturnType<typeof importFile>>;
  maxRssMb: number;
  /** Resident memory as the rows went by. */
  rss: { rows: number; mb: number }[];
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const SAMPLE_EVERY_ROWS = 250_000;

async function main(input: ChildInput): Promise<ChildOutput> {
  const database = await openDatabase({ url: input.url, dataDir: input.dataDir, poolSize: 2 });
  try {
    const setupStarted = performance.now();
    if (input.setup) {
      await migrate(database.db);
      await createDirectory(database.db);
    }
    const operator = { db: database.db, viewer: null, operator: true };
    const viewer = await importerFor(operator, IMPORTER.code);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const rss: ChildOutput['rss'] = [];
    let next = SAMPLE_EVERY_ROWS;
    const started = performance.now();
    const summary = await importFile(
      { db: database.db, viewer, purpose: 'ingest benchmark' },
      {
        bytes: createReadStream(input.file, { highWaterMark: 256 * 1024 }),
        fileName: input.file,
        sharing: { marking: 'AMBER', rel: ['US', 'MX'] },
        onProgress: (p) => {
          if (p.phase === 'reading' && p.rows >= next) {
            rss.push({ rows: p.rows, mb: mb(process.memoryUsage.rss()) });
            next += SAMPLE_EVERY_ROWS;
          }
        },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    // maxRSS is in KiB.
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return { seconds, setupSeconds, summary, maxRssMb, rss };
  } finally {
    await database.close();
  }
}

main(JSON.parse(process.argv[2]!) as ChildInput).then(
  (out) => {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
