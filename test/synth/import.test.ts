import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStaff } from '../../src/demo/seed-staff.js';
import { parseEncoding } from '../../src/import/encoding.js';
import { compileMapping } from '../../src/import/mapping/compile-mapping.js';
import { importFile } from '../../src/services/imports/import-file.js';
import { importerFor } from '../../src/services/imports/importer.js';
import type { Reject } from '../../src/services/imports/outcome.js';
import { generateSynth } from '../../src/synth/generate.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { readManifest, type ManifestFile } from './support.js';

// A small generated set goes through the real import path: every row of every file must map,
// validate and load, with the record and link counts the manifest announces.

let database: TestDatabase;
let dir: string;
let files: ManifestFile[];

beforeAll(async () => {
  database = await openTestDatabase();
  await seedStaff({ db: database.db, viewer: null, operator: true });
  dir = mkdtempSync(join(tmpdir(), 'puente-synth-import-'));
  generateSynth({ scale: 1000, seed: 5, out: dir });
  files = readManifest(dir).files;
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
});

async function load(f: ManifestFile) {
  const operator = { db: database.db, viewer: null, operator: true };
  const viewer = await importerFor(operator, f.agency);
  const rejects: Reject[] = [];
  const summary = await importFile(
    { db: database.db, viewer },
    {
      bytes: createReadStream(join(dir, f.file)),
      fileName: f.file,
      format: f.format,
      encoding: parseEncoding(f.encoding),
      delimiter: f.delimiter,
      mapping: f.mapping ? compileMapping(readFileSync(join(dir, f.mapping), 'utf8')) : undefined,
      sharing: { marking: f.marking, rel: f.rel, recipients: f.recipients },
      skipInvalid: true,
      onReject: (r) => void rejects.push(r),
    },
  );
  return { summary, rejects };
}

describe('synthetic data through the import path', () => {
  it('loads every file without a rejected row, with the counts of the manifest', async () => {
    for (const f of files) {
      const { summary, rejects } = await load(f);
      expect(rejects.map((r) => `${f.file}:${r.line} ${r.problem.message}`)).toEqual([]);
      expect({ file: f.file, records: summary.records.written }).toEqual({
        file: f.file,
        records: f.records,
      });
      expect({ file: f.file, links: summary.links.written }).toEqual({
        file: f.file,
        links: f.links,
      });
    }
  });

  it('changes nothing on a second import of the same file', async () => {
    const { summary } = await load(files.find((f) => f.agency === 'FGR')!);
    expect(summary.records.written + summary.records.updated).toBe(0);
  });
});
