import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEncoding } from '../import/encoding.js';
import { compileMapping } from '../import/mapping/compile-mapping.js';
import type { Format } from '../import/read-file.js';
import type { Call } from '../services/context.js';
import { importFile } from '../services/imports/import-file.js';
import { importerFor } from '../services/imports/importer.js';
import type { ImportSummary } from '../services/imports/outcome.js';
import { resolveAll, type ResolveSummary } from '../services/resolution/resolve-all.js';
import type { Db } from '../storage/database.js';
import { generateSynth, type ManifestEntry } from '../synth/generate.js';

export type SyntheticProgress = (file: string, summary: ImportSummary) => void;
export type ResolvedProgress = (summary: ResolveSummary) => void;

export interface SyntheticLoad {
  files: number;
  records: number;
  links: number;
}

/**
 * Generates a synthetic trilateral data set and loads every partner's export through the real
 * import path (mapping, validation, markings, audit), as that agency's import account, then
 * resolves the persons and organizations into entities.
 */
export async function loadSynthetic(
  db: Db,
  options: {
    scale: number;
    seed: number;
    onFile?: SyntheticProgress;
    onResolved?: ResolvedProgress;
  },
): Promise<SyntheticLoad> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-demo-'));
  try {
    generateSynth({ scale: options.scale, seed: options.seed, out: dir });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      files: ManifestEntry[];
    };
    const operator: Call = { db, viewer: null, operator: true };
    const total: SyntheticLoad = { files: 0, records: 0, links: 0 };
    for (const f of manifest.files) {
      const viewer = await importerFor(operator, f.agency);
      const summary = await importFile(
        { db, viewer, purpose: 'demo data' },
        {
          bytes: createReadStream(join(dir, f.file), { highWaterMark: 256 * 1024 }),
          fileName: f.file,
          format: f.format as Format,
          encoding: parseEncoding(f.encoding),
          delimiter: f.delimiter,
          mapping: f.mapping
            ? compileMapping(readFileSync(join(dir, f.mapping), 'utf8'))
            : undefined,
          sharing: { marking: f.marking, rel: f.rel, recipients: f.recipients },
          // One full resolution after the last file fits the model to the data and is
          // faster than matching every file's people on arrival.
          matchOnArrival: false,
        },
      );
      total.files++;
      total.records += summary.records.written + summary.records.updated;
      total.links += summary.links.written + summary.links.updated;
      options.onFile?.(f.file, summary);
    }
    options.onResolved?.(await resolveAll(operator));
    return total;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
