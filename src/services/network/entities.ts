import { MATCH_PROBABILITY } from '../../domain/resolution/model.js';
import { clusterVisibleGroup } from '../../domain/resolution/resolve-group.js';
import type { DecisionRow, EdgeRow } from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';
import { modelsFor } from '../resolution/models.js';
import { loadPrepared } from '../resolution/prepared.js';

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export interface MatchEvidence {
  /** Likely-match pairs the viewer may see, by "a|b". */
  pairs: Map<string, EdgeRow>;
  /** Decisions in force the viewer may see, by "a|b". */
  decisions: Map<string, DecisionRow>;
}

export { pairKey };

/**
 * Brings `entityOf` (record → entity id, for records in multi-record entities) up to date for
 * the records in `affected` (all when null): the records reachable from them through visible
 * likely pairs and "same" decisions are clustered again, exactly as a viewer's entity page
 * clusters them, and each entity is named by its oldest record.
 */
export async function clusterEntities(
  tx: Tx,
  evidence: MatchEvidence,
  entityOf: Map<string, string>,
  affected: ReadonlySet<string> | null,
): Promise<void> {
  const adjacent = new Map<string, string[]>();
  const join = (a: string, b: string) => {
    (adjacent.get(a) ?? adjacent.set(a, []).get(a)!).push(b);
    (adjacent.get(b) ?? adjacent.set(b, []).get(b)!).push(a);
  };
  for (const p of evidence.pairs.values()) if (p.probability >= MATCH_PROBABILITY) join(p.a, p.b);
  for (const d of evidence.decisions.values()) if (d.verdict === 'same') join(d.a, d.b);

  const starts = affected ? [...affected] : [...adjacent.keys()];
  if (affected) for (const id of affected) entityOf.delete(id);
  else entityOf.clear();
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const start of starts) {
    if (seen.has(start) || !adjacent.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i++)
      for (const next of adjacent.get(group[i]!)!)
        if (!seen.has(next)) {
          seen.add(next);
          group.push(next);
        }
    groups.push(group);
  }
  if (!groups.length) return;
  for (const g of groups) for (const id of g) entityOf.delete(id);

  const models = await modelsFor(tx);
  const loaded = await loadPrepared(tx, groups.flat());
  const at = new Map(loaded.ids.map((id, i) => [id, i]));
  for (const group of groups) {
    for (const kind of ['person', 'organization'] as const) {
      const ids = group
        .filter((id) => at.has(id) && loaded.prepared[at.get(id)!]!.kind === kind)
        .sort();
      if (ids.length < 2) continue;
      const local = new Map(ids.map((id, i) => [id, i]));
      const judgements = [];
      const stored = [];
      for (let i = 0; i < ids.length; i++)
        for (const other of adjacent.get(ids[i]!)!) {
          const j = local.get(other);
          if (j === undefined || j <= i) continue;
          const key = pairKey(ids[i]!, other);
          const d = evidence.decisions.get(key);
          if (d) judgements.push({ a: i, b: j, same: d.verdict === 'same' });
          const p = evidence.pairs.get(key);
          if (p) stored.push({ a: i, b: j, weight: p.weight, probability: p.probability });
        }
      // "Different" decisions bind too, though they join nothing.
      for (const [key, d] of evidence.decisions) {
        if (d.verdict !== 'different') continue;
        const [a, b] = key.split('|');
        const i = local.get(a!);
        const j = local.get(b!);
        if (i !== undefined && j !== undefined)
          judgements.push({ a: Math.min(i, j), b: Math.max(i, j), same: false });
      }
      const { labels } = clusterVisibleGroup(
        ids.map((id) => loaded.prepared[at.get(id)!]!),
        judgements,
        models[kind],
        stored,
      );
      const name = new Map<number, string>();
      labels.forEach((label, i) => {
        if (!name.has(label)) name.set(label, ids[i]!);
      });
      const size = new Map<number, number>();
      for (const label of labels) size.set(label, (size.get(label) ?? 0) + 1);
      labels.forEach((label, i) => {
        if (size.get(label)! > 1) entityOf.set(ids[i]!, name.get(label)!);
      });
    }
  }
}
