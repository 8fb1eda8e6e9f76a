/**
 * How well the network analyses find the synthetic data set's planted networks, asked through
 * the product's own services as one viewer: communities against the planted membership (NMI),
 * and where each network's leader and brokers rank among its community's key players.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { normalizedMutualInformation } from '../../../src/domain/network/communities/nmi.js';
import type { Call } from '../../../src/services/context.js';
import { exportNetwork, type NetworkJson } from '../../../src/services/network/export.js';
import { networkKeyPlayers } from '../../../src/services/network/key-players.js';

interface Ref {
  agency: string;
  id: string;
}
interface Truth {
  id: string;
  type: string;
  organization: { entity: string; records: Ref[] };
  members: { role: string; entity: string; records: Ref[] }[];
  vehicles: { entity: string; records: Ref[] }[];
  companies: { entity: string; records: Ref[] }[];
}

export interface PlantedScore {
  networks: number;
  /** Planted entities found in the viewer's network, of all planted. */
  found: number;
  planted: number;
  nmi: number;
  /** Networks whose leader is its community's first, or among the first three, key players. */
  leaderFirst: number;
  leaderTop3: number;
  /** Brokers (straw-purchasing and precursor brokers) among their community's top five. */
  brokers: number;
  brokersTop5: number;
}

/** Leaders are each network's first role (broker, coordinator, plaza boss, importer). */
export async function scorePlanted(call: Call, truthDir: string): Promise<PlantedScore> {
  const truth = JSON.parse(readFileSync(join(truthDir, 'networks.json'), 'utf8')) as Truth[];
  const refs = truth.flatMap((n) =>
    [n.organization, ...n.members, ...n.vehicles, ...n.companies].flatMap((e) => e.records),
  );
  const { rows } = await sql<{ key: string; id: string }>`
    SELECT r.agency || '/' || r.source_ref AS key, r.id FROM puente.record r
    JOIN unnest(${refs.map((r) => r.agency)}::text[], ${refs.map((r) => r.id)}::text[]) AS k(agency, ref)
      ON r.agency = k.agency AND r.source_ref = k.ref`.execute(call.db);
  const recordOf = new Map(rows.map((r) => [r.key, r.id]));
  const json = JSON.parse((await exportNetwork(call, { format: 'json' })).body) as NetworkJson;
  const nodeOfRecord = new Map<string, { id: string; community: number | null }>();
  for (const n of json.nodes) for (const r of n.records) nodeOfRecord.set(r, n);
  // Where entity resolution left one person as several nodes, each counts as that person.
  const nodesOf = (e: { records: Ref[] }) => {
    const out = new Map<string, { id: string; community: number | null }>();
    for (const r of e.records) {
      const node = nodeOfRecord.get(recordOf.get(`${r.agency}/${r.id}`) ?? '');
      if (node) out.set(node.id, node);
    }
    return [...out.values()];
  };
  const nodeOf = (e: { records: Ref[] }) => nodesOf(e)[0];

  const truthLabels: number[] = [];
  const foundLabels: number[] = [];
  let planted = 0;
  let leaderFirst = 0;
  let leaderTop3 = 0;
  let brokers = 0;
  let brokersTop5 = 0;
  const ranked = new Map<number, Awaited<ReturnType<typeof networkKeyPlayers>>>();
  const playersOf = async (community: number) => {
    let players = ranked.get(community);
    if (!players) {
      players = await networkKeyPlayers(call, {
        community: String(community),
        top: 5,
        players: ['person'],
      });
      ranked.set(community, players);
    }
    return players;
  };
  for (const [i, n] of truth.entries()) {
    const entities = [n.organization, ...n.members, ...n.vehicles, ...n.companies];
    planted += entities.length;
    const seen = new Set<string>();
    for (const e of entities) {
      const node = nodeOf(e);
      if (!node || node.community === null || seen.has(node.id)) continue;
      seen.add(node.id);
      truthLabels.push(i);
      foundLabels.push(node.community);
    }
    // A member's rank: its best among the communities its nodes were put in.
    const rankOf = async (m: { records: Ref[] }) => {
      let best = -1;
      for (const node of nodesOf(m)) {
        if (!node.community) continue;
        const players = await playersOf(node.community);
        const r = players.players.findIndex((p) => p.node.id === node.id);
        if (r >= 0 && (best < 0 || r < best)) best = r;
      }
      return best;
    };
    const leaderRank = await rankOf(n.members[0]!);
    if (leaderRank === 0) leaderFirst++;
    if (leaderRank >= 0 && leaderRank < 3) leaderTop3++;
    for (const m of n.members.filter((x) => x.role === 'broker')) {
      if (!nodeOf(m)) continue;
      brokers++;
      if ((await rankOf(m)) >= 0) brokersTop5++;
    }
  }
  return {
    networks: truth.length,
    found: truthLabels.length,
    planted,
    nmi: normalizedMutualInformation(truthLabels, foundLabels),
    leaderFirst,
    leaderTop3,
    brokers,
    brokersTop5,
  };
}
