/**
 * The person records of the resolve benchmark, with their ground truth: real (fictional) people
 * of the synthetic world, each written down by one to four partner sources with that partner's
 * noise (src/synth/people/render.ts, noise.ts) and laid out as its file's mapping would
 * (sources.ts). Deterministic for a seed and a size.
 */
import { v7 } from 'uuid';
import { sharingToColumns } from '../../../src/domain/policy/keys.js';
import { parseSharing } from '../../../src/domain/policy/sharing.js';
import { validateRecord } from '../../../src/services/records/validate-record.js';
import { keyOf, partnerNumber, POOL_RANGE } from '../../../src/synth/keys.js';
import { NOISE } from '../../../src/synth/people/noise.js';
import { renderPerson } from '../../../src/synth/people/render.js';
import { Random, streamOf, Weighted } from '../../../src/synth/random.js';
import { SOURCES, type SourceName } from '../../../src/synth/sources.js';
import { createWorld, type World } from '../../../src/synth/world/world.js';
import type { GeneratedVersion } from '../dataset/generate.js';
import { benchUserIds } from '../ingest/directory.js';
import { ID_PREFIX, personProperties, SOURCE_NAMES, SOURCE_WEIGHTS } from './sources.js';

/**
 * Who the records are about. A share of people come from the shared pool (keys in POOL_RANGE,
 * "people who turn up across partners", border profile) and are written down by 1-4 distinct
 * sources; the others are people one source sees once (keys in that source's own range, with
 * its profile: Mexican for FGR and SEDENA, US for ATF, Canadian for RCMP, border otherwise).
 * Pool people are also filed a second time by the same partner at its `duplicate` rate, as
 * `puente synth` does.
 */
export const POOL_SHARE = 0.2;
export const POOL_SOURCES: readonly (readonly [number, number])[] = [
  [1, 0.35],
  [2, 0.35],
  [3, 0.2],
  [4, 0.1],
];

/** Records are spread over this period, oldest first, so ids follow time. */
const FIRST = Date.parse('2019-01-01T00:00:00Z');
const LAST = Date.parse('2025-06-30T00:00:00Z');

/** The GREEN marking: resolution runs as the operator, so the marking does not matter. */
const SHARING = sharingToColumns(parseSharing({ marking: 'GREEN' }));

export interface Plan {
  /** Per record, in load order: the person key, the source (index in SOURCE_NAMES), the variant. */
  keys: Int32Array;
  sources: Uint8Array;
  variants: Uint8Array;
  people: { total: number; pool: number; poolBySources: Record<number, number> };
  /** The next unused index in each one-source range (arrivals take new people above). */
  used: Record<SourceName, number>;
}

const weightedSources = () =>
  new Weighted(SOURCE_NAMES.map((s, i) => [i, SOURCE_WEIGHTS[s]] as const));

/** `k` distinct sources, by weight. */
function pickSources(r: Random, k: number, sources: Weighted<number>): number[] {
  const out: number[] = [];
  while (out.length < k) {
    const s = sources.pick(r);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Which person each of `count` records is about, in a shuffled (load) order. */
export function planRecords(count: number, seed: number): Plan {
  const r = new Random(seed ^ 0x7e50);
  const sources = weightedSources();
  const multiplicity = new Weighted(POOL_SOURCES);
  const keys: number[] = [];
  const src: number[] = [];
  const variants: number[] = [];
  const used = Object.fromEntries(SOURCE_NAMES.map((s) => [s, 0])) as Record<SourceName, number>;
  const poolBySources: Record<number, number> = {};
  let people = 0;
  let pool = 0;
  const add = (key: number, s: number, variant: number) => {
    keys.push(key);
    src.push(s);
    variants.push(variant);
  };
  while (keys.length < count) {
    people++;
    if (r.chance(POOL_SHARE)) {
      const key = keyOf(POOL_RANGE, pool++);
      const k = multiplicity.pick(r);
      poolBySources[k] = (poolBySources[k] ?? 0) + 1;
      for (const s of pickSources(r, k, sources)) {
        add(key, s, 0);
        if (r.chance(NOISE[SOURCE_NAMES[s]!].duplicate)) add(key, s, 1);
      }
    } else {
      const s = sources.pick(r);
      const name = SOURCE_NAMES[s]!;
      add(keyOf(SOURCES[name].range, used[name]++), s, 0);
    }
  }
  keys.length = src.length = variants.length = count;
  // Fisher-Yates: one person's records land anywhere in id order, as reports come in.
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return {
    keys: Int32Array.from(order, (i) => keys[i]!),
    sources: Uint8Array.from(order, (i) => src[i]!),
    variants: Uint8Array.from(order, (i) => variants[i]!),
    people: { total: people, pool, poolBySources },
    used,
  };
}

export interface TruthRow {
  record_id: string;
  /** The real person's key (src/synth/keys.ts). */
  person: number;
  source: SourceName;
}

export interface PersonVersion {
  version: GeneratedVersion;
  truth: TruthRow;
}

export const worldOf = (seed: number, count: number): World => createWorld(seed, count);

/** One record of person `key` as `source` files it, validated as createRecord would. */
export function personVersion(
  world: World,
  source: SourceName,
  key: number,
  variant: number,
  msecs: number,
  ref: string,
  r: Random,
): PersonVersion {
  const person = renderPerson(world, source, key, variant);
  const properties = personProperties(
    source,
    person,
    ref,
    streamOf(world.seed, 'bench-resolve', source, key, variant),
  );
  const agency = SOURCES[source].agency;
  const author = benchUserIds(agency)[0]!;
  const record_id = v7({ msecs, random: r.bytes(16) });
  return {
    version: {
      record_id,
      version: 1,
      schema: 'Person',
      agency,
      created_by: author,
      changed_by: author,
      changed_at: new Date(msecs).toISOString(),
      change: 'create',
      source_ref: ref,
      retracted: false,
      ...validateRecord('Person', properties),
      ...SHARING,
    },
    truth: { record_id, person: key, source },
  };
}

/** The records of a plan, in order, each with its truth. */
export function* planVersions(plan: Plan, seed: number): Generator<PersonVersion> {
  const count = plan.keys.length;
  const world = worldOf(seed, count);
  const r = new Random(seed ^ 0x1d5);
  const step = (LAST - FIRST) / count;
  for (let i = 0; i < count; i++) {
    const source = SOURCE_NAMES[plan.sources[i]!]!;
    const key = plan.keys[i]!;
    const variant = plan.variants[i]!;
    const ref = ID_PREFIX[source] + partnerNumber(seed, source, key, variant);
    const msecs = Math.floor(FIRST + i * step + r.next() * step);
    yield personVersion(world, source, key, variant, msecs, ref, r);
  }
}

export interface Arrival extends PersonVersion {
  /** Whether the person already has records in the data set. */
  known: boolean;
}

/** Share of arrivals that are about people already in the data set. */
export const KNOWN_ARRIVALS = 0.6;

/**
 * New person records arriving after the batch: some about people already on file (a new
 * report of them, by any source, with fresh noise: variant 2), the others about people no
 * record mentions yet.
 */
export function planArrivals(plan: Plan, count: number, seed: number): Arrival[] {
  const world = worldOf(seed, plan.keys.length);
  const r = new Random(seed ^ 0xa77);
  const sources = weightedSources();
  const out: Arrival[] = [];
  const fresh = { ...plan.used };
  const start = LAST + 86_400_000;
  for (let i = 0; i < count; i++) {
    const known = r.chance(KNOWN_ARRIVALS);
    const s = SOURCE_NAMES[sources.pick(r)]!;
    const key = known
      ? plan.keys[Math.floor(r.next() * plan.keys.length)]!
      : keyOf(SOURCES[s].range, fresh[s]++);
    const msecs = start + i * 60_000;
    out.push({ ...personVersion(world, s, key, 2, msecs, `ARR-${i + 1}`, r), known });
  }
  return out;
}
