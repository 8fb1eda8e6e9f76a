import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStaff } from '../../src/demo/seed-staff.js';
import { seedTraceRoles } from '../../src/demo/trace-recoveries.js';
import { parseEncoding } from '../../src/import/encoding.js';
import { compileMapping } from '../../src/import/mapping/compile-mapping.js';
import type { Format } from '../../src/import/read-file.js';
import { importFile } from '../../src/services/imports/import-file.js';
import { importerFor } from '../../src/services/imports/importer.js';
import { runTraces, type RunSummary } from '../../src/services/tracing/run-traces.js';
import { submitRecoveredGuns } from '../../src/services/tracing/submit-recovered.js';
import { traceStats } from '../../src/services/tracing/trace-stats.js';
import type { TraceStatistics } from '../../src/domain/tracing/stats.js';
import { generateSynth, type ManifestEntry } from '../../src/synth/generate.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

// The synthetic data set's sales and recoveries, loaded as the partners would send them, traced
// end to end and checked against its ground truth and the published figures (DOMAIN.md).

let database: TestDatabase;
let dir: string;
let run: RunSummary;
let stats: TraceStatistics;
const operator = () => ({ db: database.db, viewer: null, operator: true });
const FILES = ['ATF', 'FGR', 'SEDENA'];

interface TruthLine {
  recovery: { agency: string; id: string };
  outcome: string;
  type: string;
  sale: { id: string; firearm: string } | null;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const staff = await seedStaff(operator());
  await seedTraceRoles(operator(), new Set(staff.map((u) => u.agency)));
  dir = mkdtempSync(join(tmpdir(), 'puente-trace-synth-'));
  generateSynth({ scale: 8000, seed: 3, out: dir });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    files: ManifestEntry[];
  };
  for (const f of manifest.files.filter((m) => FILES.includes(m.agency))) {
    const viewer = await importerFor(operator(), f.agency);
    await importFile(
      { db: database.db, viewer },
      {
        bytes: createReadStream(join(dir, f.file)),
        fileName: f.file,
        format: f.format as Format,
        encoding: parseEncoding(f.encoding),
        delimiter: f.delimiter,
        mapping: f.mapping ? compileMapping(readFileSync(join(dir, f.mapping), 'utf8')) : undefined,
        sharing: { marking: f.marking, rel: f.rel, recipients: f.recipients },
        matchOnArrival: false,
      },
    );
  }
  for (const agency of ['FGR', 'SEDENA']) {
    const viewer = await importerFor(operator(), agency);
    await submitRecoveredGuns({ db: database.db, viewer });
  }
  const atf = { db: database.db, viewer: await importerFor(operator(), 'ATF') };
  run = await runTraces(atf);
  stats = await traceStats(atf, { lastYear: 2023 });
}, 240_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

describe('tracing the synthetic recoveries', () => {
  it('finds the right sale for every traceable gun, and says why the others have none', async () => {
    const truth = readFileSync(join(dir, 'truth/traces.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as TruthLine);
    const { rows } = await sql<{
      agency: string;
      recovery: string;
      status: string;
      sold: string | null;
    }>`SELECT q.agency, r.source_ref AS recovery, q.status, f.source_ref AS sold
       FROM puente.trace_request q JOIN puente.record r ON r.id = q.recovery_id
       LEFT JOIN puente.trace_result t ON t.request_id = q.id
       LEFT JOIN puente.record f ON f.id = t.firearm_id`.execute(database.db);
    const answers = new Map(rows.map((r) => [`${r.agency}/${r.recovery}`, r]));
    expect(answers.size).toBe(truth.length);
    const traceable = truth.filter((t) => t.sale);
    const right = traceable.filter(
      (t) => answers.get(`${t.recovery.agency}/${t.recovery.id}`)?.sold === t.sale!.firearm,
    );
    expect(right.length / traceable.length).toBeGreaterThanOrEqual(0.99);
    const expected: Record<string, string[]> = {
      obliterated: ['serial_obliterated', 'no_record_found', 'not_traceable'],
      not_us_made: ['not_traceable'],
      // A gun made abroad whose form omits the importer mark is taken as never imported.
      no_sale_record: ['no_record_found', 'not_traceable'],
    };
    for (const t of truth.filter((x) => !x.sale)) {
      const got = answers.get(`${t.recovery.agency}/${t.recovery.id}`)!.status;
      expect(expected[t.outcome], `${t.recovery.id}: ${t.outcome}`).toContain(got);
    }
    expect(run.traced).toBe(truth.length);
  });

  it('reproduces the published figures within their tolerance', () => {
    // At least 68% of guns recovered in Mexico and traced come from a US retail sale (near 70%).
    expect(stats.overall.share).toBeGreaterThanOrEqual(0.66);
    expect(stats.overall.share).toBeLessThanOrEqual(0.72);
    // Rifles found in Mexico rose 105% since 2016: within 20 points at this scale.
    expect(stats.rifles.change).toBeGreaterThan(0.85);
    expect(stats.rifles.change).toBeLessThan(1.25);
    // Texas, Arizona and California lead the source states.
    expect(
      stats.bySourceState
        .slice(0, 3)
        .map((s) => s.key)
        .sort(),
    ).toEqual(['AZ', 'CA', 'TX']);
    expect(stats.medianTimeToCrimeDays).toBeGreaterThan(365);
  });
});
