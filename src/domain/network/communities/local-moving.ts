import { shuffle, type Rng } from '../random.js';
import type { Level } from './level.js';

/**
 * Moves nodes of the level between communities while a move raises modularity, updating
 * `community` (ids 0..order-1) in place, until no single move would; returns the modularity
 * gained times m (the input graph's total edge weight). `scale` is resolution / 2m.
 *
 * Nodes wait in a queue, shuffled; a node that moves sends back into the queue only its
 * neighbours outside its new community, whose best move it may have changed (Traag et al.
 * 2019's fast local moving, a fraction of the visits of sweeping every node until none moves).
 * Moves also shift the community totals that other nodes weigh, so once the queue runs dry
 * every node is queued once more, until a whole round moves none: on noisy graphs that gives
 * the modularity NetworkX's sweeps reach. A node may also leave for an empty community, when
 * its own is worth less to it than being alone.
 */
export function moveNodes(level: Level, community: Int32Array, scale: number, rng: Rng): number {
  const { order, offsets, targets, weights, nodeWeight } = level;
  const total = new Float64Array(order);
  const size = new Int32Array(order);
  for (let v = 0; v < order; v++) {
    total[community[v]!]! += nodeWeight[v]!;
    size[community[v]!]!++;
  }
  const empty = new Int32Array(order);
  let emptyCount = 0;
  for (let c = order - 1; c >= 0; c--) if (size[c] === 0) empty[emptyCount++] = c;

  const queue = new Int32Array(order);
  const queued = new Uint8Array(order);
  const linkWeight = new Float64Array(order);
  const linked = new Uint8Array(order);
  const neighbours = new Int32Array(order);

  let gained = 0;
  let moves = 1;
  while (moves > 0) {
    moves = 0;
    for (let v = 0; v < order; v++) queue[v] = v;
    shuffle(queue, rng);
    queued.fill(1);
    let head = 0;
    let pending = order;
    while (pending > 0) {
      const v = queue[head]!;
      head = head + 1 === order ? 0 : head + 1;
      pending--;
      queued[v] = 0;

      let count = 0;
      for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
        const c = community[targets[h]!]!;
        if (linked[c] === 0) {
          linked[c] = 1;
          neighbours[count++] = c;
        }
        linkWeight[c]! += weights[h]!;
      }

      const own = community[v]!;
      const k = nodeWeight[v]!;
      total[own]! -= k;
      size[own]!--;
      let best = own;
      const stayGain = linkWeight[own]! - k * total[own]! * scale;
      let bestGain = stayGain;
      for (let i = 0; i < count; i++) {
        const c = neighbours[i]!;
        const gain = linkWeight[c]! - k * total[c]! * scale;
        if (gain > bestGain) {
          best = c;
          bestGain = gain;
        }
      }
      if (bestGain < 0 && size[own]! > 0) best = empty[--emptyCount]!;
      total[best]! += k;
      size[best]!++;

      for (let i = 0; i < count; i++) {
        const c = neighbours[i]!;
        linked[c] = 0;
        linkWeight[c] = 0;
      }

      if (best === own) continue;
      moves++;
      gained += bestGain - stayGain;
      community[v] = best;
      if (size[own] === 0) empty[emptyCount++] = own;
      for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
        const u = targets[h]!;
        if (queued[u] === 0 && community[u] !== best) {
          queued[u] = 1;
          queue[(head + pending++) % order] = u;
        }
      }
    }
  }
  return gained;
}
