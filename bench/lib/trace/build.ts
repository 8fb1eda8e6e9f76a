/**
 * Builds the trace benchmark's sales in a fresh database: the schema, the twelve agencies and
 * their users (ATF traces, FGR and SEDENA request), and the sold guns of sales.ts bulk-loaded as
 * records and links (bench/lib/dataset/load.ts loadGraph), then VACUUM (ANALYZE).
 */
import pg from 'pg';
import { setAgencyTraceRole } from '../../../src/services/identity/agencies.js';
import type { Db } from '../../../src/storage/database.js';
import { migrate } from '../../../src/storage/migrate.js';
import { loadGraph } from '../dataset/load.js';
import { createDirectory } from '../ingest/directory.js';
import type { Log } from '../types.js';
import { emptySummary, saleItems, worldFor, type SalesSummary } from './sales.js';

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const operator = (db: Db) => ({ db, viewer: null, operator: true });

/** Who takes part in tracing; set again on every run (a no-op when already so). */
export async function setTraceRoles(db: Db): Promise<void> {
  await setAgencyTraceRole(operator(db), 'ATF', 'tracer');
  await setAgencyTraceRole(operator(db), 'FGR', 'requester');
  await setAgencyTraceRole(operator(db), 'SEDENA', 'requester');
}

export async function loadSales(
  url: string,
  db: Db,
  sales: number,
  seed: number,
  log: Log,
): Promise<{ sold: SalesSummary; loadSeconds: number }> {
  await migrate(db);
  await createDirectory(db);
  await setTraceRoles(db);
  const world = worldFor(sales, seed);
  const sold = emptySummary(world.scale);
  // Sale, Firearm, sold_in and purchased per gun, and a Person for most: about 4.6 per gun.
  const total = Math.round(sales * 4.6);
  let lastLog = 0;
  const started = performance.now();
  // Traces never search records, and at 5M sales the search postings would be 32 of 57 GB:
  // the versions keep their terms, record_term stays empty for the sales.
  await withClient(url, (c) =>
    loadGraph(c, saleItems(world, sales, sold), {
      searchTerms: false,
      total,
      onProgress: (p) => {
        if (p.seconds - lastLog < 15) return;
        lastLog = p.seconds;
        log(
          `loaded ${p.loaded} records and links (of about ${total}) in ${p.seconds.toFixed(0)} s (${Math.round(p.loaded / p.seconds)}/s)`,
        );
      },
      onIndex: (ddl) => log(`building ${ddl.replace(/^.*?(INDEX|CONSTRAINT) (\S+).*$/s, '$2')}`),
    }),
  );
  log('vacuum analyze');
  await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
  return { sold, loadSeconds: (performance.now() - started) / 1000 };
}
