import { notFound } from '../../domain/errors.js';
import type { Network } from '../../domain/network/assemble.js';
import { audited, type Outcome } from '../audited.js';
import type { Call } from '../context.js';
import { pendingChanges, viewerNetwork, type ViewerNetwork } from './viewer-network.js';

/** Where a long analysis reports: reading the viewer's records, then the analysis itself. */
export interface NetworkProgress {
  loading?: (stage: string, done: number) => void;
  analysing?: (done: number, total: number) => void;
}

/** Audit entries list at most this many record ids; `count` says how many an answer drew on. */
const AUDITED_IDS = 1000;

/**
 * Runs a network analysis as one audited read: the viewer's network brought up to date in the
 * viewer's transaction, then `work` on it. Everything `work` sees is the viewer's.
 */
export async function withNetwork<T>(
  call: Call,
  action: string,
  query: unknown,
  work: (vn: ViewerNetwork) => Outcome<T> | Promise<Outcome<T>>,
  progress?: NetworkProgress,
): Promise<T> {
  const changes = await pendingChanges(call.db, call.viewer);
  return audited(
    call,
    action,
    query,
    async (tx) => {
      const vn = await viewerNetwork(tx, call.db, call.viewer!, changes!, progress?.loading);
      const out = await work(vn);
      const ids = out.ids ?? [];
      return { ...out, ids: ids.slice(0, AUDITED_IDS), count: out.count ?? ids.length };
    },
    { readOnly: true },
  );
}

/** The node a reference names: an entity or record id, or a phone/vehicle/firearm/address key. */
export function nodeFor(net: Network, ref: string): number {
  const v = net.nodeOf.get(ref.trim());
  if (v === undefined) throw notFound('entity', ref);
  return v;
}
