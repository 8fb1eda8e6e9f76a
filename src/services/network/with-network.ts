import { notFound } from '../../domain/errors.js';
import type { Network } from '../../domain/network/assemble.js';
import { asViewer } from '../../storage/session.js';
import { audited, type Outcome } from '../audited.js';
import type { Call } from '../context.js';
import { pendingChanges, viewerNetwork, type ViewerNetwork } from './viewer-network.js';

/** Where a long analysis reports, and how its asker calls it off. */
export interface NetworkProgress {
  loading?: (stage: string, done: number) => void;
  analysing?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Audit entries list at most this many record ids; `count` says how many an answer drew on. */
const AUDITED_IDS = 1000;

/**
 * Runs a network analysis as one audited read: the viewer's network is brought up to date in
 * the viewer's own read-only transaction, which then ends, and `work` computes on it in memory
 * (on worker threads when long) without holding a connection. Everything `work` sees is the
 * viewer's.
 */
export async function withNetwork<T>(
  call: Call,
  action: string,
  query: unknown,
  work: (vn: ViewerNetwork) => Outcome<T> | Promise<Outcome<T>>,
  progress?: NetworkProgress,
): Promise<T> {
  return audited(
    call,
    action,
    query,
    async () => {
      const viewer = call.viewer!;
      const changes = (await pendingChanges(call.db, viewer))!;
      const vn = await asViewer(
        call.db,
        viewer,
        (tx) => viewerNetwork(tx, call.db, viewer, changes, progress?.loading),
        { readOnly: true },
      );
      const out = await work(vn);
      const ids = out.ids ?? [];
      return { ...out, ids: ids.slice(0, AUDITED_IDS), count: out.count ?? ids.length };
    },
    { readOnly: true, noTransaction: true },
  );
}

/** The node a reference names: an entity or record id, or a phone/vehicle/firearm/address key. */
export function nodeFor(net: Network, ref: string): number {
  const v = net.nodeOf.get(ref.trim());
  if (v === undefined) throw notFound('entity', ref);
  return v;
}
