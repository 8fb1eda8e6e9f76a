import {
  ALL_PAIRS_LIMIT,
  clusterVisibleGroup,
  type PairScore,
} from '../../domain/resolution/resolve-group.js';
import type { Prepared } from '../../domain/resolution/prepare.js';
import { decisionsAmong, edgesTouching, sameDecisionsTouching } from '../../storage/resolution.js';
import type { DecisionRow } from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';
import { MATCH_PROBABILITY } from '../../domain/resolution/model.js';
import { modelFor } from './models.js';
import { loadPrepared } from './prepared.js';

/** Beyond this many linked records a viewer's entity is cut (and says so). */
export const MAX_ENTITY_RECORDS = ALL_PAIRS_LIMIT;

export interface ViewerEntity {
  /** The entity's id for this viewer: its oldest record that the viewer may see. */
  id: string;
  kind: Prepared['kind'];
  /** Member record ids, oldest first. */
  members: string[];
  prepared: Prepared[];
  /** Every pair among the members, scored with the current model. */
  pairs: (Omit<PairScore, 'a' | 'b'> & { a: string; b: string })[];
  decisions: DecisionRow[];
  truncated: boolean;
}

/**
 * The entity of a record as the transaction's viewer sees it, made only of what that viewer
 * may see: the records reachable from it through visible likely-match pairs and "same"
 * decisions, clustered exactly as the resolver clusters everything. A record the viewer cannot
 * see is never part of it, never counted, and never lends its evidence to a pair; so the
 * entity id (the oldest visible member) names a record the viewer can open.
 * Returns undefined when the record is not a person or organization the viewer may see.
 */
export async function viewerEntity(tx: Tx, recordId: string): Promise<ViewerEntity | undefined> {
  const start = await loadPrepared(tx, [recordId]);
  if (!start.ids.length) return undefined;
  const seen = new Set([recordId]);
  let frontier = [recordId];
  let truncated = false;
  while (frontier.length && !truncated) {
    const next: string[] = [];
    const reach = (id: string) => {
      if (seen.has(id)) return;
      if (seen.size >= MAX_ENTITY_RECORDS) {
        truncated = true;
        return;
      }
      seen.add(id);
      next.push(id);
    };
    for (const e of await edgesTouching(tx, frontier))
      if (e.probability >= MATCH_PROBABILITY) [e.a, e.b].forEach(reach);
    for (const d of await sameDecisionsTouching(tx, frontier)) [d.a, d.b].forEach(reach);
    frontier = next;
  }
  const group = await loadPrepared(tx, [...seen]);
  const kind = start.prepared[0]!.kind;
  const indices = group.ids.map((_, i) => i).filter((i) => group.prepared[i]!.kind === kind);
  const ids = indices.map((i) => group.ids[i]!);
  const prepared = indices.map((i) => group.prepared[i]!);
  const model = await modelFor(tx, kind);
  const local = new Map(ids.map((id, i) => [id, i]));
  const decisions = (await decisionsAmong(tx, ids)).filter((d) => d.verdict !== 'unsure');
  const { labels, pairs } = clusterVisibleGroup(
    prepared,
    decisions.map((d) => ({ a: local.get(d.a)!, b: local.get(d.b)!, same: d.verdict === 'same' })),
    model,
  );
  const label = labels[local.get(recordId)!]!;
  const memberIdx = ids.map((_, i) => i).filter((i) => labels[i] === label);
  const inEntity = new Set(memberIdx);
  const members = memberIdx.map((i) => ids[i]!);
  return {
    id: members[0]!,
    kind,
    members,
    prepared: memberIdx.map((i) => prepared[i]!),
    pairs: pairs
      .filter((p) => inEntity.has(p.a) && inEntity.has(p.b))
      .map((p) => ({ ...p, a: ids[p.a]!, b: ids[p.b]! })),
    decisions: decisions.filter((d) => members.includes(d.a) && members.includes(d.b)),
    truncated,
  };
}
