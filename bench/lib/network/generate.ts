/**
 * The synthetic graph of the `network` benchmark: a degree-corrected planted partition, with
 * its ground truth, written as an edge list ("u v weight" per line) into the temp folder and
 * reused while the parameters and the generator's code are the same.
 *
 * - `edges / 5` nodes (mean degree 10), split into communities whose sizes follow a power law
 *   (exponent 2) between 10 and 1,000 nodes; node ids are shuffled so that a community is not
 *   a range of ids.
 * - Each node has a propensity drawn from a power law (exponent 2.5, capped), so degrees are
 *   heavy-tailed; a node's expected degree inside its community is capped at half the size of
 *   the community (a clique of ten cannot hold a hub).
 * - 90% of an ordinary node's ties are inside its community. Brokers (one node in 1,000, in
 *   communities of at least 100 nodes) have a high degree and 70% of their ties outside: they
 *   bridge the communities, as fixers and money movers do, and carry most shortest paths.
 * - Every node first gets one tie inside its community (no isolated nodes, so PageRank's
 *   dangling-node rules play no part); then ties are drawn Chung–Lu style (inside: one end by
 *   propensity over the graph, the other by propensity within the first end's community;
 *   outside: both ends by outside propensity, in different communities) until there are
 *   `edges` distinct ties. A tie drawn twice is drawn again, so the graph is simple.
 * - Weights are tie strengths (e.g. contacts): 1 + geometric, mean 2 inside a community and
 *   about 1.33 outside.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seeded, shuffle, type Rng } from '../../../src/domain/network/random.js';
import type { Log } from '../types.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** Every generated graph lives under here, one folder per generator fingerprint. */
export const CACHE_HOME = join(tmpdir(), 'puente-network');

/** What the graph depends on: this file and the seeded generator. */
const SOURCES = ['bench/lib/network/generate.ts', 'src/domain/network/random.ts'];

export const PARAMETERS = {
  meanDegree: 10,
  communityMin: 10,
  communityMax: 1000,
  communityExponent: 2,
  degreeExponent: 2.5,
  /** Largest propensity relative to the smallest (before the community cap). */
  propensityCap: 200,
  /** An ordinary node's share of ties outside its community. */
  mixing: 0.1,
  brokerShare: 0.001,
  brokerMinCommunity: 100,
  brokerDegreeMin: 100,
  brokerDegreeMax: 400,
  brokerMixing: 0.7,
  /** Weight = 1 + geometric(p): p inside and outside a community. */
  insideWeightP: 0.5,
  outsideWeightP: 0.75,
} as const;

export interface GraphManifest {
  fingerprint: string;
  seed: number;
  nodes: number;
  edges: number;
  communities: number;
  /** Sizes of the planted communities: smallest, median, largest. */
  communitySizes: { min: number; median: number; max: number };
  brokers: number[];
  /** Share of edges whose ends are in the same planted community. */
  insideShare: number;
  degree: { mean: number; median: number; p99: number; max: number };
  totalWeight: number;
  /** Ties drawn and dropped because they were already there or were self-ties. */
  redraws: number;
  parameters: typeof PARAMETERS;
}

export interface SyntheticGraph {
  dir: string;
  edgesPath: string;
  truthPath: string;
  manifest: GraphManifest;
  generatedSeconds: number | null;
  reused: boolean;
}

function codeFingerprint(): string {
  const h = createHash('sha256');
  for (const s of SOURCES) h.update(s).update(readFileSync(join(ROOT, s)));
  return h.digest('hex').slice(0, 12);
}

/** Vose's alias table over weights[0..n-1]: draws index i with probability weights[i] / sum. */
class Alias {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i]!;
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / sum;
      if (scaled[i]! < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns]!;
      const l = large[--nl]!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) this.prob[large[--nl]!] = 1;
    while (ns > 0) this.prob[small[--ns]!] = 1;
  }
  draw(rng: Rng): number {
    const i = Math.floor(rng() * this.prob.length);
    return rng() < this.prob[i]! ? i : this.alias[i]!;
  }
}

/** A continuous power law on [lo, hi] with density ∝ x^-exponent (exponent ≠ 1). */
function powerLaw(rng: Rng, lo: number, hi: number, exponent: number): number {
  const a = 1 - exponent;
  const l = lo ** a;
  const h = hi ** a;
  return (l + (h - l) * rng()) ** (1 / a);
}

/** 1 + a geometric number of failures before success at probability p. */
function tieWeight(rng: Rng, p: number): number {
  return 1 + Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
}

interface Planted {
  nodes: number;
  /** Community of each node (final ids). */
  community: Int32Array;
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  brokers: number[];
  communities: number;
  communitySizes: number[];
  redraws: number;
}

/** Draws the graph in memory; node ids are final (shuffled). */
export function plantGraph(edges: number, seed: number): Planted {
  const P = PARAMETERS;
  const rng = seeded(seed);
  const n = Math.max(P.communityMin * 2, Math.round((2 * edges) / P.meanDegree));
  // Communities, in an internal order where community c holds nodes start[c] .. start[c+1]-1.
  const sizes: number[] = [];
  for (let left = n; left > 0;) {
    let s = Math.round(powerLaw(rng, P.communityMin, P.communityMax, P.communityExponent));
    if (left - s < P.communityMin) s = left; // the remainder joins the last community
    sizes.push(s);
    left -= s;
  }
  const k = sizes.length;
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = start[c]! + sizes[c]!;
  const inner = new Int32Array(n); // internal index → community
  for (let c = 0; c < k; c++) inner.fill(c, start[c]!, start[c + 1]!);
  // Final id of each internal index.
  const idOf = shuffle(
    Int32Array.from({ length: n }, (_, i) => i),
    rng,
  );

  // Propensities. Brokers: random nodes of communities of at least brokerMinCommunity nodes.
  const theta = new Float64Array(n);
  for (let i = 0; i < n; i++) theta[i] = powerLaw(rng, 1, P.propensityCap, P.degreeExponent);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += theta[i]!;
  mean /= n;
  const expected = new Float64Array(n); // expected degree
  for (let i = 0; i < n; i++) expected[i] = (theta[i]! * P.meanDegree) / mean;
  const mixing = new Float64Array(n).fill(P.mixing);
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (sizes[inner[i]!]! >= P.brokerMinCommunity) eligible.push(i);
  const brokerCount = Math.min(eligible.length, Math.max(5, Math.round(n * P.brokerShare)));
  shuffle(eligible, rng);
  const brokerInner = eligible.slice(0, brokerCount).sort((a, b) => a - b);
  for (const b of brokerInner) {
    expected[b] = P.brokerDegreeMin + (P.brokerDegreeMax - P.brokerDegreeMin) * rng();
    mixing[b] = P.brokerMixing;
  }
  const inside = new Float64Array(n);
  const outside = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cap = (sizes[inner[i]!]! - 1) / 2;
    inside[i] = Math.min(expected[i]! * (1 - mixing[i]!), cap);
    outside[i] = expected[i]! * mixing[i]!;
  }
  let insideTotal = 0;
  let outsideTotal = 0;
  for (let i = 0; i < n; i++) {
    insideTotal += inside[i]!;
    outsideTotal += outside[i]!;
  }
  const outsideShare = outsideTotal / (insideTotal + outsideTotal);
  const anyInside = new Alias(inside);
  const anyOutside = new Alias(outside);
  const within = sizes.map((_, c) => new Alias(inside.subarray(start[c]!, start[c + 1]!)));

  const seen = new Set<number>();
  const from = new Int32Array(edges);
  const to = new Int32Array(edges);
  const weight = new Float64Array(edges);
  let m = 0;
  let redraws = 0;
  const tied = new Uint8Array(n); // by internal index
  const add = (a: number, b: number, w: number): boolean => {
    if (a === b) return false;
    const u = Math.min(idOf[a]!, idOf[b]!);
    const v = Math.max(idOf[a]!, idOf[b]!);
    const key = u * n + v;
    if (seen.has(key)) return false;
    seen.add(key);
    tied[a] = 1;
    tied[b] = 1;
    from[m] = u;
    to[m] = v;
    weight[m++] = w;
    return true;
  };
  const partnerInside = (a: number): number => {
    const c = inner[a]!;
    return start[c]! + within[c]!.draw(rng);
  };
  // One tie inside its community for every node not tied yet (any partner is a new tie).
  for (let a = 0; a < n && m < edges; a++) {
    while (!tied[a]) {
      if (!add(a, partnerInside(a), tieWeight(rng, P.insideWeightP))) redraws++;
    }
  }
  while (m < edges) {
    let ok: boolean;
    if (rng() < outsideShare) {
      const a = anyOutside.draw(rng);
      const b = anyOutside.draw(rng);
      ok = inner[a] !== inner[b] && add(a, b, tieWeight(rng, P.outsideWeightP));
    } else {
      const a = anyInside.draw(rng);
      ok = add(a, partnerInside(a), tieWeight(rng, P.insideWeightP));
    }
    if (!ok) redraws++;
  }
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) community[idOf[i]!] = inner[i]!;
  return {
    nodes: n,
    community,
    from,
    to,
    weight,
    brokers: brokerInner.map((b) => idOf[b]!).sort((a, b) => a - b),
    communities: k,
    communitySizes: sizes,
    redraws,
  };
}

function describe(p: Planted, seed: number, fingerprint: string): GraphManifest {
  const degree = new Int32Array(p.nodes);
  let insideEdges = 0;
  let totalWeight = 0;
  for (let e = 0; e < p.from.length; e++) {
    degree[p.from[e]!]!++;
    degree[p.to[e]!]!++;
    if (p.community[p.from[e]!] === p.community[p.to[e]!]) insideEdges++;
    totalWeight += p.weight[e]!;
  }
  const sorted = degree.slice().sort();
  const sizes = [...p.communitySizes].sort((a, b) => a - b);
  return {
    fingerprint,
    seed,
    nodes: p.nodes,
    edges: p.from.length,
    communities: p.communities,
    communitySizes: {
      min: sizes[0]!,
      median: sizes[sizes.length >> 1]!,
      max: sizes.at(-1)!,
    },
    brokers: p.brokers,
    insideShare: Math.round((insideEdges / p.from.length) * 10000) / 10000,
    degree: {
      mean: Math.round(((2 * p.from.length) / p.nodes) * 100) / 100,
      median: sorted[sorted.length >> 1]!,
      p99: sorted[Math.floor(sorted.length * 0.99)]!,
      max: sorted.at(-1)!,
    },
    totalWeight,
    redraws: p.redraws,
    parameters: PARAMETERS,
  };
}

function writeLines(path: string, count: number, line: (i: number) => string): void {
  const fd = openSync(`${path}.partial`, 'w');
  try {
    let buffer: string[] = [];
    for (let i = 0; i < count; i++) {
      buffer.push(line(i));
      if (buffer.length === 65536) {
        writeSync(fd, buffer.join(''));
        buffer = [];
      }
    }
    writeSync(fd, buffer.join(''));
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.partial`, path);
}

/**
 * The graph of `edges` edges for `seed`: generated into
 * `$TMPDIR/puente-network/<code fingerprint>/edges-<edges>-seed-<seed>/` (edges.txt,
 * truth.txt: the planted community of node i on line i, manifest.json), or reused from there.
 * Folders of older code fingerprints are removed.
 */
export function syntheticGraph(edges: number, seed: number, log: Log): SyntheticGraph {
  const code = codeFingerprint();
  const home = join(CACHE_HOME, code);
  const dir = join(home, `edges-${edges}-seed-${seed}`);
  const edgesPath = join(dir, 'edges.txt');
  const truthPath = join(dir, 'truth.txt');
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    log(`reusing the synthetic graph ${dir}`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as GraphManifest;
    return { dir, edgesPath, truthPath, manifest, generatedSeconds: null, reused: true };
  }
  if (existsSync(CACHE_HOME))
    for (const old of readdirSync(CACHE_HOME))
      if (old !== code) rmSync(join(CACHE_HOME, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  log(`generating a planted-partition graph of ${edges} edges (seed ${seed})`);
  const p = plantGraph(edges, seed);
  writeLines(edgesPath, p.from.length, (e) => `${p.from[e]} ${p.to[e]} ${p.weight[e]}\n`);
  writeLines(truthPath, p.nodes, (v) => `${p.community[v]}\n`);
  const manifest = describe(p, seed, `${code}-${edges}-${seed}`);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const generatedSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(
    `generated in ${generatedSeconds} s: ${manifest.nodes} nodes, ${manifest.edges} edges, ${manifest.communities} communities, ${(manifest.insideShare * 100).toFixed(1)}% of edges inside, degree median ${manifest.degree.median} p99 ${manifest.degree.p99} max ${manifest.degree.max}`,
  );
  return { dir, edgesPath, truthPath, manifest, generatedSeconds, reused: false };
}

export interface LoadedGraph {
  nodes: number;
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  truth: Int32Array;
}

/** Reads edges.txt and truth.txt back into arrays (the edge list "in memory"). */
export function loadGraph(g: SyntheticGraph): LoadedGraph {
  const { nodes, edges } = g.manifest;
  const from = new Int32Array(edges);
  const to = new Int32Array(edges);
  const weight = new Float64Array(edges);
  const buf = readFileSync(g.edgesPath);
  // Whole numbers separated by spaces, one edge per line.
  let field = 0;
  let value = 0;
  let e = 0;
  for (let i = 0; i < buf.length; i++) {
    const ch = buf[i]!;
    if (ch >= 48 && ch <= 57) value = value * 10 + (ch - 48);
    else if (ch === 32 || ch === 10) {
      if (field === 0) from[e] = value;
      else if (field === 1) to[e] = value;
      else weight[e] = value;
      value = 0;
      if (ch === 10) {
        field = 0;
        e++;
      } else field++;
    } else throw new Error(`${g.edgesPath}: unexpected byte ${ch} at ${i}`);
  }
  if (e !== edges) throw new Error(`${g.edgesPath}: ${e} edges, the manifest says ${edges}`);
  const truth = Int32Array.from(readFileSync(g.truthPath, 'utf8').trimEnd().split('\n'), (s) =>
    Number(s),
  );
  if (truth.length !== nodes) throw new Error(`${g.truthPath}: ${truth.length} lines`);
  return { nodes, from, to, weight, truth };
}
