import { parentPort } from 'node:worker_threads';
import { blockingKeys } from '../../domain/resolution/blocking.js';
import type { Judgement } from '../../domain/resolution/cluster.js';
import { compare } from '../../domain/resolution/compare.js';
import { scoreComparison, type MatchModel } from '../../domain/resolution/model.js';
import { prepare, type Prepared } from '../../domain/resolution/prepare.js';
import { profileOf } from '../../domain/resolution/profile.js';
import { resolveGroup, type PairScore } from '../../domain/resolution/resolve-group.js';
import { frequencyKeysOf } from '../../domain/resolution/train.js';
import type { ResolvableRow } from '../../storage/resolution.js';
import type { Request, Response } from './protocol.js';

// Every worker holds every prepared record, so any pair can be compared where it is scored.
const records: Prepared[] = [];

function add(rows: ResolvableRow[], reply: boolean) {
  const keys: string[][] = [];
  const frequencyKeys: string[][] = [];
  for (const row of rows) {
    const profile = profileOf({ ...row, country: row.country });
    if (!profile) throw new Error(`record ${row.id} is not a person or organization`);
    const p = prepare(profile);
    records.push(p);
    if (reply) {
      keys.push(blockingKeys(p));
      frequencyKeys.push(frequencyKeysOf(p));
    }
  }
  return reply ? { keys, frequencyKeys } : {};
}

function patterns(pairs: Uint32Array): [string, number][] {
  const counts = new Map<string, number>();
  for (let k = 0; k < pairs.length; k += 2) {
    const a = records[pairs[k]!]!;
    const b = records[pairs[k + 1]!]!;
    if (a.kind !== b.kind) continue;
    const key = compare(a, b).levels.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts];
}

function score(pairs: Uint32Array, model: MatchModel) {
  const n = pairs.length / 2;
  const weights = new Float32Array(n);
  const probabilities = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const s = scoreComparison(model, compare(records[pairs[2 * k]!]!, records[pairs[2 * k + 1]!]!));
    weights[k] = s.weight;
    probabilities[k] = s.probability;
  }
  return { weights, probabilities };
}

function cluster(
  groups: { members: number[]; edges: PairScore[]; judgements: Judgement[] }[],
  model: MatchModel,
) {
  return groups.map((g) =>
    resolveGroup(
      g.members.map((i) => records[i]!),
      g.edges,
      g.judgements,
      model,
    ),
  );
}

function handle(req: Request): Response['result'] {
  switch (req.op) {
    case 'add':
      return add(req.rows, req.reply);
    case 'patterns':
      return { candidates: patterns(req.pairs), random: patterns(req.random) };
    case 'score':
      return score(req.pairs, req.model);
    case 'cluster':
      return { labels: cluster(req.groups, req.model) };
  }
}

parentPort!.on('message', (req: Request) => {
  try {
    parentPort!.postMessage({ id: req.id, result: handle(req) } satisfies Response);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: String((err as Error).stack ?? err) });
  }
});
