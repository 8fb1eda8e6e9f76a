/**
 * Trace requests with their ground truth: guns recovered in Mexico as the synthetic world plans
 * them (src/synth/guns/recoveries.ts RecoveryPlanner: about 69% traceable to a sale of the data
 * set, bought a realistic time-to-crime before the recovery; the rest obliterated, not US-made,
 * or never in the sales records), written down as FGR and SEDENA write them
 * (src/synth/exports/fgr-recoveries.ts, sedena-recoveries.ts: maker spellings, O/0 and I/1
 * confusions, dashes and spaces), and a share of traceable guns with a partly legible serial.
 */
import type { TraceRequestInput } from '../../../src/domain/tracing/request.js';
import { makerOf } from '../../../src/domain/tracing/makers.js';
import { readSerial } from '../../../src/domain/tracing/serial.js';
import { isoOf } from '../../../src/synth/dates.js';
import { carpeta } from '../../../src/synth/exports/fgr-recoveries.js';
import { makeAsWritten, serialAsWritten } from '../../../src/synth/exports/mx-firearm-words.js';
import { folio } from '../../../src/synth/exports/sedena-recoveries.js';
import {
  RecoveryPlanner,
  type Recovery,
  type TraceOutcome,
} from '../../../src/synth/guns/recoveries.js';
import { streamOf, type Random } from '../../../src/synth/random.js';
import type { World } from '../../../src/synth/world/world.js';
import { isLoaded, saleRecordIds, type LoadedSales } from './sales.js';

/** Share of traceable guns whose serial is only partly legible. */
export const PARTIAL_SHARE = 0.08;
/** How often each agency miscopies a serial (the exports' rates). */
const MISREAD = { FGR: 0.15, SEDENA: 0.2 } as const;
const URGENT_SHARE = 0.1;

export type Partial = 'none' | 'unknown_chars' | 'unknown_end';

export interface RequestTruth {
  /** The recovery's number in the world's plan. */
  k: number;
  agency: 'FGR' | 'SEDENA';
  outcome: TraceOutcome;
  partial: Partial;
  /** The sold gun's Firearm and Sale record ids (traceable guns only). */
  firearmId: string | null;
  saleId: string | null;
  saleDate: string | null;
  recoveredOn: string;
  /** What the requester wrote, for the baseline. */
  makeWritten: string;
  serialWritten: string;
}

export interface PlannedRequest {
  input: TraceRequestInput;
  truth: RequestTruth;
}

export interface PlanSummary {
  planned: number;
  /** Recoveries left out: their sale fell after the cut of the data set, or none was found. */
  skippedUnloaded: number;
  skippedUnmatched: number;
  /** A whole serial the same agency had already asked about (one request per gun). */
  skippedDuplicate: number;
  byOutcome: Record<string, number>;
  partial: Record<Partial, number>;
  misreadOrSpaced: number;
  makerVariant: number;
}

/** Two or three characters illegible (`?`), or the end ground off (`*`). */
function partlyLegible(r: Random, serial: string): { written: string; partial: Partial } {
  const chars = [...serial];
  if (r.chance(0.5)) {
    const n = r.int(2, 3);
    const at = new Set<number>();
    while (at.size < n) at.add(r.int(0, chars.length - 1));
    return {
      written: chars.map((c, i) => (at.has(i) ? '?' : c)).join(''),
      partial: 'unknown_chars',
    };
  }
  return { written: `${serial.slice(0, serial.length - r.int(2, 4))}*`, partial: 'unknown_end' };
}

function requestOf(r: Random, rec: Recovery, partial: boolean) {
  const agency = rec.owner;
  const m = rec.model;
  let serial = serialAsWritten(r, rec.serial, rec.obliterated, MISREAD[agency]);
  let kind: Partial = 'none';
  let obliterated = rec.obliterated;
  if (partial && rec.serial) {
    const p = partlyLegible(r, rec.serial);
    serial = p.written;
    kind = p.partial;
    obliterated = 'partial';
  }
  const make = makeAsWritten(r, m.make);
  const importer =
    agency === 'FGR' && m.importer && r.chance(0.7) ? m.importer.toUpperCase() : undefined;
  const input: TraceRequestInput = {
    priority: r.chance(URGENT_SHARE) ? 'urgent' : 'routine',
    firearm: {
      make,
      model: agency === 'SEDENA' ? m.model.toUpperCase() : m.model,
      type: m.type,
      caliber: m.caliber,
      ...(serial ? { serialNumber: serial } : {}),
      obliterated,
      ...(importer ? { importer } : {}),
      countryOfManufacture: m.made,
    },
    recovery: {
      date: isoOf(rec.day),
      country: 'MX',
      state: rec.state,
      place: `${rec.municipality}, ${rec.state}`,
      circumstances: rec.circumstances,
      caseNumber: agency === 'FGR' ? carpeta(rec) : folio(rec),
    },
  };
  return { input, make, serial, kind };
}

/**
 * `count` requests, in the world's recovery order. Every traceable one points at a different
 * sold gun of the loaded data set; each agency asks about a whole serial once.
 */
export function planRequests(
  world: World,
  loaded: LoadedSales,
  count: number,
): { requests: PlannedRequest[]; summary: PlanSummary } {
  const planner = new RecoveryPlanner(world);
  const asked = new Set<string>();
  const requests: PlannedRequest[] = [];
  const summary: PlanSummary = {
    planned: 0,
    skippedUnloaded: 0,
    skippedUnmatched: 0,
    skippedDuplicate: 0,
    byOutcome: {},
    partial: { none: 0, unknown_chars: 0, unknown_end: 0 },
    misreadOrSpaced: 0,
    makerVariant: 0,
  };
  for (let k = 0; requests.length < count; k++) {
    const rec = planner.plan(k);
    if (rec.outcome === 'traced' && !rec.sale) {
      summary.skippedUnmatched++;
      continue;
    }
    if (rec.sale && !isLoaded(loaded, rec.sale.basket, rec.sale.gun.slot)) {
      summary.skippedUnloaded++;
      continue;
    }
    const r = streamOf(world.seed, 'bench-trace-request', k);
    const partial = rec.outcome === 'traced' && r.chance(PARTIAL_SHARE);
    const { input, make, serial, kind } = requestOf(r, rec, partial);
    const reading = readSerial(serial, rec.obliterated === 'yes');
    if (reading.kind === 'full') {
      const gun = `${rec.owner}\u0000${makerOf(make)!.name}\u0000${reading.key}`;
      if (asked.has(gun)) {
        summary.skippedDuplicate++;
        continue;
      }
      asked.add(gun);
    }
    const ids = rec.sale ? saleRecordIds(world.seed, rec.sale.basket, rec.sale.gun.slot) : null;
    requests.push({
      input,
      truth: {
        k,
        agency: rec.owner,
        outcome: rec.outcome,
        partial: kind,
        firearmId: ids?.firearm ?? null,
        saleId: ids?.sale ?? null,
        saleDate: rec.sale ? isoOf(rec.sale.basket.day) : null,
        recoveredOn: isoOf(rec.day),
        makeWritten: make,
        serialWritten: serial,
      },
    });
    summary.planned++;
    summary.byOutcome[rec.outcome] = (summary.byOutcome[rec.outcome] ?? 0) + 1;
    summary.partial[kind]++;
    if (kind === 'none' && rec.obliterated === 'no' && serial !== rec.serial)
      summary.misreadOrSpaced++;
    if (make !== rec.model.make.toUpperCase()) summary.makerVariant++;
  }
  return { requests, summary };
}
