import { notFound } from '../../domain/errors.js';
import type { Network } from '../../domain/network/assemble.js';
import { audited, type Outcome } from '../audited.js';
import type { Call } from '../context.js';
import { pendingChanges, viewerNetwork, type ViewerNetwork } from './viewer-network.js';

/** Where a long analysis reports, and how its asker calls it off. */
export interface NetworkProgress {
  loading?: (stage: string, done: number) => void;
  analysing?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs a network analysis as one audited read: the viewer's network is brought up to date (in
 * the viewer's own read-only transaction, which then ends), and `work` computes on it in memory
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
      const vn = await viewerNetwork(call.db, viewer, changes, progress?.loading);
      return work(vn);
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
