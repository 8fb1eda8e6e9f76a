import { FEATURES, MISSING } from './features.js';
import { priorModel, type MatchModel } from './model.js';
import type { Prepared } from './prepare.js';
import type { EntityKind } from './profile.js';

/** How many compared pairs showed these levels. */
export interface Pattern {
  levels: Int8Array;
  count: number;
}

export interface TrainingInput {
  kind: EntityKind;
  /** Levels of the candidate pairs (blocked), matches and non-matches mixed. */
  candidates: Iterable<Pattern>;
  /** Levels of pairs drawn at random: nearly all non-matches, so they give u directly. */
  random: Iterable<Pattern>;
  /** Pairs an analyst judged the same entity. */
  labelled: Iterable<Pattern>;
  frequencies: Record<string, number>;
  minFrequency: number;
  /** Records of this kind: the prior is over all their pairs, as u is. */
  records: number;
  iterations?: number;
}

/** Weight of the prior in every m estimate, in pairs: keeps a level never seen from 0 or 1. */
const PSEUDO_PAIRS = 2;
/**
 * Weight of the prior in the u estimate, in pairs. Among a few dozen records, random pairs
 * include the true matches and say little about strangers; from hundreds of thousands of
 * random pairs the data decide.
 */
const U_PSEUDO_PAIRS = 5000;
/** An analyst's judgement counts as this many pairs of evidence. */
const LABEL_WEIGHT = 20;

function patterns(input: Iterable<Pattern>): { list: Pattern[]; total: number } {
  const byKey = new Map<string, Pattern>();
  let total = 0;
  for (const { levels, count } of input) {
    total += count;
    const key = levels.join(',');
    const p = byKey.get(key);
    if (p) p.count += count;
    else byKey.set(key, { levels, count });
  }
  return { list: [...byKey.values()], total };
}

function estimateU(kind: EntityKind, prior: number[][], random: Pattern[]): number[][] {
  const total = random.reduce((n, p) => n + p.count, 0);
  return FEATURES[kind].map((_, f) => {
    const counts = prior[f]!.map((u) => u * U_PSEUDO_PAIRS);
    for (const p of random) {
      const level = p.levels[f]!;
      if (level !== MISSING) counts[level]! += p.count;
    }
    // A feature with one level ("same phone") is missing whenever it does not agree, so its u
    // is the share of all random pairs that agree, not of those that could be compared.
    if (counts.length === 1) return [counts[0]! / (total + U_PSEUDO_PAIRS)];
    const sum = counts.reduce((a, b) => a + b, 0);
    return counts.map((c) => c / sum);
  });
}

/**
 * A training session: EM over the pairs that agree on `anchor` features, estimating the m of
 * the `estimate` features with the anchors left out of the likelihood. Over all candidate pairs
 * at once, EM finds the wrong two classes: most candidates were blocked on their names, and
 * "same name, different birth date" (namesakes) is a larger and tighter group than the true
 * matches. Among pairs born on the same day the name features separate matches cleanly; the
 * birth date's own m is estimated among pairs sharing a document, phone or e-mail (as Splink
 * trains, blocking on some columns to estimate the others). A feature no session can estimate
 * with enough pairs keeps its prior: a two-class mixture over one feature alone (the birth date
 * among pairs of the same name) has no unique answer.
 */
interface Session {
  anchor: (levels: Int8Array, feature: (name: string) => number) => boolean;
  estimate: readonly string[];
}

const at = (levels: Int8Array, f: number) => (f < 0 ? MISSING : levels[f]!);

const SESSIONS: Readonly<Record<EntityKind, readonly Session[]>> = {
  person: [
    {
      anchor: (l, f) => at(l, f('birthDate')) === 0 || at(l, f('curp')) === 0,
      estimate: ['given', 'surname', 'gender', 'nationality', 'alias', 'acronym', 'phone'],
    },
    {
      // Identifiers that do not carry the birth date (a CURP does): documents, phones, e-mail.
      anchor: (l, f) =>
        at(l, f('document')) === 0 || at(l, f('phone')) === 0 || at(l, f('email')) === 0,
      estimate: ['birthDate', 'gender', 'nationality'],
    },
  ],
  organization: [
    {
      anchor: (l, f) => at(l, f('registration')) === 0 || at(l, f('phone')) === 0,
      estimate: ['name', 'jurisdiction'],
    },
    {
      anchor: (l, f) => at(l, f('name')) === 0,
      estimate: ['registration', 'jurisdiction', 'phone', 'email'],
    },
  ],
};

/** Sessions need this many anchored pairs to move a feature away from its prior. */
const MIN_ANCHORED = 30;

function runSession(
  session: Session,
  features: readonly string[],
  candidates: readonly Pattern[],
  labelled: readonly Pattern[],
  prior: readonly number[][],
  u: readonly number[][],
  start: number[][],
  iterations: number,
): { m: number[][] | null; rounds: number } {
  const index = (name: string) => features.indexOf(name);
  const estimated = session.estimate.map(index).filter((f) => f >= 0);
  const pool = candidates.filter((p) => session.anchor(p.levels, index));
  const anchored = pool.reduce((n, p) => n + p.count, 0);
  if (anchored < MIN_ANCHORED) return { m: null, rounds: 0 };
  let m = start.map((row) => [...row]);
  let lambda = 0.5;
  let rounds = 0;
  for (; rounds < iterations; rounds++) {
    const counts = prior.map((row) => row.map((x) => x * PSEUDO_PAIRS));
    let matched = 0;
    for (const p of pool) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (const f of estimated) {
        const level = p.levels[f]!;
        if (level === MISSING) continue;
        pm *= m[f]![level]!;
        pu *= u[f]![level]!;
      }
      const w = (pm / (pm + pu)) * p.count;
      matched += w;
      for (const f of estimated) {
        const level = p.levels[f]!;
        if (level !== MISSING) counts[f]![level]! += w;
      }
    }
    for (const l of labelled)
      for (const f of estimated) {
        const level = l.levels[f]!;
        if (level !== MISSING) counts[f]![level]! += LABEL_WEIGHT * l.count;
      }
    const next = m.map((row, f) => {
      if (!estimated.includes(f)) return row;
      const sum = counts[f]!.reduce((a, b) => a + b, 0);
      return counts[f]!.map((c) => c / sum);
    });
    const nextLambda = Math.min(0.999, Math.max(1e-6, matched / anchored));
    const change = Math.abs(nextLambda - lambda);
    m = next;
    lambda = nextLambda;
    if (change < 1e-6) break;
  }
  return { m, rounds };
}

/**
 * Estimates m by expectation–maximisation in anchored sessions (see Session), with u fixed
 * from random pairs (more stable than u from EM), then the prior from one expectation over all
 * candidate pairs. Judged pairs join each session as known matches, so analysts' decisions
 * shape the weights.
 */
export function trainModel(input: TrainingInput): MatchModel {
  const model = priorModel(input.kind);
  const features = FEATURES[input.kind];
  const candidates = patterns(input.candidates);
  const random = patterns(input.random);
  const same = patterns(input.labelled);
  const u = estimateU(input.kind, model.u, random.list);
  let m = model.m.map((row) => [...row]);
  let rounds = 0;
  for (const session of SESSIONS[input.kind]) {
    const out = runSession(
      session,
      features,
      candidates.list,
      same.list,
      model.m,
      u,
      m,
      input.iterations ?? 40,
    );
    rounds += out.rounds;
    if (!out.m) continue;
    const estimated = new Set(session.estimate.map((name) => features.indexOf(name)));
    m = m.map((row, f) => (estimated.has(f) ? out.m![f]! : row));
  }
  const allPairs = (input.records * (input.records - 1)) / 2;
  const lambda = priorOf(candidates.list, allPairs, m, u, model.lambda);
  return {
    ...model,
    lambda,
    m,
    u,
    frequencies: input.frequencies,
    minFrequency: input.minFrequency,
    trainedOn: {
      pairs: candidates.total,
      randomPairs: random.total,
      labelled: same.total,
      iterations: rounds,
    },
  };
}

/**
 * The share of all pairs of records that match, by expectation under fixed m and u. It is over
 * all pairs, not the candidates, because u was estimated on random pairs: a prior over the
 * candidates (which blocking made far likelier to match) paired with a u over everything would
 * count every agreement twice and merge namesakes. Pairs blocking never proposed count as
 * non-matches.
 */
function priorOf(
  list: readonly Pattern[],
  total: number,
  m: readonly number[][],
  u: readonly number[][],
  start: number,
): number {
  if (!total) return start;
  let lambda = start;
  for (let round = 0; round < 50; round++) {
    let matched = 0;
    for (const p of list) {
      let pm = lambda;
      let pu = 1 - lambda;
      p.levels.forEach((level, f) => {
        if (level === MISSING) return;
        pm *= m[f]![level]!;
        pu *= u[f]![level]!;
      });
      matched += (pm / (pm + pu)) * p.count;
    }
    const next = Math.min(0.5, Math.max(1e-12, matched / total));
    if (Math.abs(next - lambda) < 1e-7) return next;
    lambda = next;
  }
  return lambda;
}

/** Keys of the name values a record carries, each once, for the term-frequency table. */
export function frequencyKeysOf(p: Prepared): string[] {
  const keys = new Set<string>();
  if (p.kind === 'person') {
    for (const n of p.names) {
      for (const s of n.surnames) keys.add(`s:${s}`);
      if (n.surnames.length >= 2) keys.add(`ss:${n.surnames[0]}|${n.surnames[1]}`);
      if (n.surnames.length) keys.add(`s:${n.surnameJoined}`);
      if (n.first) keys.add(`g:${n.first}`);
    }
  } else for (const c of p.cores) keys.add(`o:${c}`);
  return [...keys];
}

/**
 * The share of records carrying each name value. Values carried by fewer than `keep` records
 * are left out: the model treats any absent value as one record in the whole set.
 */
export function nameFrequencies(
  keysOfRecords: Iterable<readonly string[]>,
  keep = 3,
): { frequencies: Record<string, number>; minFrequency: number } {
  const counts = new Map<string, number>();
  let n = 0;
  for (const keys of keysOfRecords) {
    n++;
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const frequencies: Record<string, number> = {};
  for (const [k, c] of counts) if (c >= keep) frequencies[k] = c / n;
  return { frequencies, minFrequency: 1 / Math.max(n, 1) };
}
