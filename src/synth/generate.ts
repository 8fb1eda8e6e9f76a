import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ATF_SALES, writeAtfSales } from './exports/atf-sales.js';
import { CBP_SEIZURES, writeCbpSeizures } from './exports/cbp-seizures.js';
import { CBP_SMUGGLING, writeCbpSmuggling } from './exports/cbp-smuggling.js';
import { FGR_RECOVERIES } from './exports/fgr-recoveries.js';
import { HSI_INTEL, writeHsiIntel } from './exports/hsi-intel.js';
import { EXPORTS, mappingFile } from './exports/index.js';
import { RCMP_SEIZURES, writeRcmpSeizures } from './exports/rcmp-seizures.js';
import { writeRecoveries } from './exports/mx-recoveries.js';
import { SEDENA_RECOVERIES } from './exports/sedena-recoveries.js';
import { Exporter, type ExportSpec, type FileStats, type Progress } from './output/exporter.js';
import { FileSink } from './output/file-sink.js';
import { networkEntities, networksTruth } from './output/networks-truth.js';
import { TruthWriter } from './output/truth.js';
import { SOURCES } from './sources.js';
import { createWorld } from './world/world.js';

export interface SynthOptions {
  scale: number;
  seed: number;
  out: string;
  progress?: Progress;
}

export interface SynthFile extends FileStats {
  file: string;
  agency: string;
}

export interface SynthSummary {
  seed: number;
  scale: number;
  out: string;
  files: SynthFile[];
  records: number;
  links: number;
  networks: number;
  recoveries: number;
  truth: { records: number; traces: number };
}

export const TRUTH_FILES = {
  records: 'truth/records.ndjson',
  networks: 'truth/networks.json',
  traces: 'truth/traces.ndjson',
} as const;

/** One file as manifest.json lists it. */
export type ManifestEntry = ReturnType<typeof manifestEntry>;

function manifestEntry(spec: ExportSpec, stats: FileStats) {
  return {
    file: spec.file,
    agency: SOURCES[spec.source].agency,
    format: spec.format,
    mapping: spec.mapping ? mappingFile(spec.file) : null,
    encoding: spec.encoding === 'utf-8-bom' ? 'utf-8' : spec.encoding,
    bom: spec.encoding === 'utf-8-bom',
    ...(spec.delimiter ? { delimiter: spec.delimiter } : {}),
    marking: spec.marking,
    rel: spec.rel ?? [],
    ...(spec.recipients ? { recipients: spec.recipients } : {}),
    rows: stats.rows,
    records: Object.values(stats.records).reduce((s, n) => s + n, 0),
    links: stats.links,
  };
}

/**
 * Writes a synthetic trilateral data set into `out`: each partner's export with its mapping,
 * manifest.json, and the ground truth under truth/. Same seed and scale, same bytes.
 */
export function generateSynth(options: SynthOptions): SynthSummary {
  const { scale, seed, out } = options;
  const progress = options.progress ?? (() => undefined);
  const world = createWorld(seed, scale);
  mkdirSync(join(out, 'truth'), { recursive: true });
  const recordSink = new FileSink(join(out, TRUTH_FILES.records), 'utf-8');
  const traceSink = new FileSink(join(out, TRUTH_FILES.traces), 'utf-8');
  const truth = new TruthWriter(recordSink, traceSink, networkEntities(world));
  const open = (spec: ExportSpec) => new Exporter(spec, out, truth, progress);
  const [poe, usbp, atf, fgr, sedena, rcmp, hsi] = [
    open(CBP_SEIZURES),
    open(CBP_SMUGGLING),
    open(ATF_SALES),
    open(FGR_RECOVERIES),
    open(SEDENA_RECOVERIES),
    open(RCMP_SEIZURES),
    open(HSI_INTEL),
  ];
  writeCbpSeizures(world, poe);
  writeCbpSmuggling(world, usbp);
  writeAtfSales(world, atf);
  const recoveries = writeRecoveries(world, fgr, sedena, truth);
  writeRcmpSeizures(world, rcmp);
  writeHsiIntel(world, hsi);
  const exporters = [poe, usbp, atf, fgr, sedena, rcmp, hsi];
  const stats = exporters.map((x) => x.close());
  recordSink.close();
  traceSink.close();
  if (recoveries.unmatched > 0) {
    throw new Error(`${recoveries.unmatched} traced recoveries found no sold gun`);
  }

  for (const spec of EXPORTS) {
    if (spec.mapping) {
      const header = `# ${spec.file} (${SOURCES[spec.source].agency}): mapping in the format of docs/import.md\n`;
      writeFileSync(
        join(out, mappingFile(spec.file)),
        header + stringify(spec.mapping, { version: '1.1', aliasDuplicateObjects: false }),
      );
    }
  }
  writeFileSync(
    join(out, TRUTH_FILES.networks),
    `${JSON.stringify(networksTruth(world, truth.byEntity), null, 1)}\n`,
  );
  const files: SynthFile[] = EXPORTS.map((spec, i) => ({
    file: spec.file,
    agency: SOURCES[spec.source].agency,
    ...stats[i]!,
  }));
  const records = files.reduce(
    (s, f) => s + Object.values(f.records).reduce((a, b) => a + b, 0),
    0,
  );
  const links = files.reduce((s, f) => s + f.links, 0);
  const manifest = {
    generator: 'puente synth',
    seed,
    scale,
    files: EXPORTS.map((spec, i) => manifestEntry(spec, stats[i]!)),
    counts: { records, links, networks: world.networks.length, recoveries: recoveries.recoveries },
    truth: TRUTH_FILES,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    seed,
    scale,
    out,
    files,
    records,
    links,
    networks: world.networks.length,
    recoveries: recoveries.recoveries,
    truth: { records: truth.records, traces: truth.traces },
  };
}
