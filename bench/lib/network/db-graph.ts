/**
 * The network benchmark's graph as records in the database: the planted-partition graph of
 * generate.ts (the same nodes and edges the in-memory stages analyse), each node a Person
 * record and each edge an associate_of link, bulk-loaded into `puente_network_<edges>` on the
 * server (bench/lib/dataset/load.ts loadGraph, triggers off, no search postings), kept and
 * reused by fingerprint (db-cache.ts).
 *
 * - Node i is a Person contributed by one of four agencies (HSI, CBP, FGR, RCMP), with a name
 *   and details in the naming tradition of the agency's country (bench/lib/dataset/people.ts),
 *   validated and indexed by the product's validateRecord; its partner id (source_ref) is
 *   `person-<i>`, so a record can be traced back to its node and planted community.
 * - Edge (u, v, w) is an associate_of link from u to v contributed by u's agency under u's
 *   sharing, with w contact dates (property `date`): the product counts one tie per date, so
 *   the edge's weight in the viewer's network is the generator's weight.
 * - Markings: CLEAR 10%, GREEN 20%, AMBER 55% (some REL TO the United States and another
 *   country), AMBER+STRICT 15%; a third of the AMBER+STRICT records of the other agencies name
 *   neither HSI nor anyone it belongs to, so the bench viewer (an HSI analyst) sees about
 *   96.5% of the persons and about 93% of the links.
 */
import { v7 } from 'uuid';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import { sharingToColumns } from '../../../src/domain/policy/keys.js';
import { parseSharing, type SharingInput } from '../../../src/domain/policy/sharing.js';
import { validateLinkInput } from '../../../src/services/links/validate-link.js';
import { validateRecord } from '../../../src/services/records/validate-record.js';
import type { Db } from '../../../src/storage/database.js';
import { Random, Weighted } from '../../../src/synth/random.js';
import type { Culture } from '../../../src/synth/tables/names.js';
import { sql } from 'kysely';
import { AGENCIES, CULTURE_MIX, type AgencySpec } from '../dataset/agencies.js';
import { fingerprintOf } from '../dataset/fingerprint.js';
import type { GeneratedVersion } from '../dataset/generate.js';
import {
  loadGraph as bulkLoad,
  type GeneratedLinkVersion,
  type GraphItem,
} from '../dataset/load.js';
import { personProperties } from '../dataset/people.js';
import { benchUserIds, createDirectory } from '../ingest/directory.js';
import type { Log } from '../types.js';
import {
  cachedDatabase,
  dataSources,
  recordsKeyOf,
  withClient,
  type MarkerSummary,
} from './db-cache.js';
import { loadGraph as readEdgeList, type SyntheticGraph } from './generate.js';

/**
 * What the records and links are made from: this file and every module it runs (the graph's
 * generator, names, validation, the bulk loader), found by following imports.
 */
const recordSources = () => dataSources(['bench/lib/network/db-graph.ts']);

export const graphDatabaseName = (edges: number) => `puente_network_${edges}`;

/** The agencies whose records the graph holds, with their share of the persons. */
const OWNERS: readonly (readonly [string, number])[] = [
  ['HSI', 30],
  ['CBP', 25],
  ['FGR', 25],
  ['RCMP', 20],
];
const VIEWER_AGENCY = 'HSI';

/** The bench viewer: HSI's first benchmark analyst (bench/lib/ingest/directory.ts). */
export const graphViewer = (): Viewer => ({
  userId: benchUserIds(VIEWER_AGENCY)[0]!,
  name: `Analyst 1 ${VIEWER_AGENCY}`,
  agency: VIEWER_AGENCY,
  country: 'US',
  role: 'analyst',
});

/** Records are spread over this period, oldest first (ids are UUIDv7, so they follow time). */
const FIRST = Date.parse('2019-01-01T00:00:00Z');
const LAST = Date.parse('2025-06-30T00:00:00Z');
const DAY_MS = 86_400_000;

type Columns = ReturnType<typeof sharingToColumns>;

/** The sharing of one record of `agency`; `hidden` when the bench viewer may not see it. */
function pickSharing(r: Random, agency: AgencySpec): { input: SharingInput; hidden: boolean } {
  const x = r.next();
  if (x < 0.1) return { input: { marking: 'CLEAR' }, hidden: false };
  if (x < 0.3) return { input: { marking: 'GREEN' }, hidden: false };
  if (x < 0.7) return { input: { marking: 'AMBER' }, hidden: false };
  if (x < 0.85) {
    const other = r.pick(['MX', 'CA'].filter((c) => c !== agency.country));
    const rel = agency.country === 'US' ? ['US', other] : [agency.country, 'US'];
    return { input: { marking: 'AMBER', relCountries: rel }, hidden: false };
  }
  const others = OWNERS.map(([code]) => code).filter((c) => c !== agency.code);
  if (x < 0.95 || agency.code === VIEWER_AGENCY) {
    const named = others.filter((c) => c !== VIEWER_AGENCY);
    const recipients = agency.code === VIEWER_AGENCY ? [r.pick(named)] : [VIEWER_AGENCY];
    return { input: { marking: 'AMBER+STRICT', recipientAgencies: recipients }, hidden: false };
  }
  const named = others.filter((c) => c !== VIEWER_AGENCY);
  return { input: { marking: 'AMBER+STRICT', recipientAgencies: [r.pick(named)] }, hidden: true };
}

export interface GraphCounts {
  records: number;
  links: number;
  /** Records and links the bench viewer may not see (by construction). */
  hiddenRecords: number;
  hiddenLinks: number;
  contactDates: number;
  byAgency: Record<string, number>;
  byMarking: Record<string, number>;
}

const isoDay = (msecs: number) => new Date(msecs).toISOString().slice(0, 10);

/**
 * The graph's records, then its links, as loadGraph takes them; `counts` is filled in as the
 * generator runs and complete when it ends.
 */
export function* graphItems(
  graph: ReturnType<typeof readEdgeList>,
  seed: number,
  counts: GraphCounts,
): Generator<GraphItem> {
  const r = new Random(seed ^ 0x6e7e);
  const agencies = new Weighted(
    OWNERS.map(([code, w]) => [AGENCIES.find((a) => a.code === code)!, w] as const),
  );
  const cultures = Object.fromEntries(
    Object.entries(CULTURE_MIX).map(([country, mix]) => [country, new Weighted(mix)]),
  ) as Record<AgencySpec['country'], Weighted<Culture>>;
  const n = graph.nodes;
  const ids: string[] = new Array<string>(n);
  const times = new Float64Array(n);
  const owner: AgencySpec[] = new Array<AgencySpec>(n);
  const sharing: Columns[] = new Array<Columns>(n);
  const hidden = new Uint8Array(n);
  const step = (LAST - FIRST) / n;
  for (let i = 0; i < n; i++) {
    const msecs = Math.floor(FIRST + i * step + r.next() * step);
    const agency = agencies.pick(r);
    const raw = personProperties(r, cultures[agency.country].pick(r), agency.country);
    const s = pickSharing(r, agency);
    const author = r.pick(benchUserIds(agency.code));
    ids[i] = v7({ msecs, random: r.bytes(16) });
    times[i] = msecs;
    owner[i] = agency;
    sharing[i] = sharingToColumns(parseSharing(s.input));
    hidden[i] = s.hidden ? 1 : 0;
    counts.records++;
    counts.hiddenRecords += hidden[i]!;
    counts.byAgency[agency.code] = (counts.byAgency[agency.code] ?? 0) + 1;
    counts.byMarking[sharing[i]!.marking] = (counts.byMarking[sharing[i]!.marking] ?? 0) + 1;
    const record: GeneratedVersion = {
      record_id: ids[i]!,
      version: 1,
      schema: 'Person',
      agency: agency.code,
      created_by: author,
      changed_by: author,
      changed_at: new Date(msecs).toISOString(),
      change: 'create',
      source_ref: `person-${i}`,
      retracted: false,
      ...validateRecord('Person', raw),
      ...sharing[i]!,
    };
    yield record;
  }
  const days = Math.floor((LAST - FIRST) / DAY_MS);
  for (let e = 0; e < graph.from.length; e++) {
    const u = graph.from[e]!;
    const v = graph.to[e]!;
    const w = graph.weight[e]!;
    // Reported once both people were on file; the contacts fall anywhere in the period.
    const msecs = Math.max(times[u]!, times[v]!) + r.int(0, 30 * DAY_MS);
    const dates = new Set<string>();
    while (dates.size < w) dates.add(isoDay(FIRST + r.int(0, days) * DAY_MS));
    const agency = owner[u]!;
    const author = r.pick(benchUserIds(agency.code));
    counts.links++;
    counts.contactDates += w;
    if (hidden[u] || hidden[v]) counts.hiddenLinks++;
    const link: GeneratedLinkVersion = {
      link_id: v7({ msecs, random: r.bytes(16) }),
      version: 1,
      link_type: 'associate_of',
      source_id: ids[u]!,
      target_id: ids[v]!,
      agency: agency.code,
      created_by: author,
      changed_by: author,
      changed_at: new Date(msecs).toISOString(),
      change: 'create',
      source_ref: null,
      properties: validateLinkInput('associate_of', 'Person', 'Person', {
        date: [...dates].sort(),
      }),
      retracted: false,
      ...sharing[u]!,
    };
    yield link;
  }
}

export interface GraphDataset extends MarkerSummary {
  edges: number;
  nodes: number;
  seed: number;
  /** The edge list's own fingerprint (generate.ts manifest). */
  graphFingerprint: string;
  counts: GraphCounts;
  loadSeconds: number;
  /** Load, index builds and VACUUM (ANALYZE). */
  buildSeconds: number;
  databaseSize?: string;
}

/** The graph database for the edge list `graph`: reused, migrated forward, or built. */
export async function graphDatabase(o: {
  serverUrl: string;
  graph: SyntheticGraph;
  seed: number;
  log: Log;
}) {
  const { edges, nodes } = o.graph.manifest;
  const params = { edges, seed: o.seed, graph: o.graph.manifest.fingerprint };
  return cachedDatabase<GraphDataset>({
    serverUrl: o.serverUrl,
    name: graphDatabaseName(edges),
    fingerprint: fingerprintOf(recordSources(), params),
    recordsKey: recordsKeyOf(recordSources(), params),
    what: `${nodes} persons, ${edges} associate_of links`,
    log: o.log,
    build: (url, db) => buildGraphDatabase(url, db, o),
  });
}

async function buildGraphDatabase(
  url: string,
  db: Db,
  o: { graph: SyntheticGraph; seed: number; log: Log },
): Promise<Omit<GraphDataset, keyof MarkerSummary>> {
  const started = performance.now();
  await createDirectory(db);
  const loaded = readEdgeList(o.graph);
  const counts: GraphCounts = {
    records: 0,
    links: 0,
    hiddenRecords: 0,
    hiddenLinks: 0,
    contactDates: 0,
    byAgency: {},
    byMarking: {},
  };
  const total = loaded.nodes + loaded.from.length;
  let lastLog = 0;
  // The network never searches: the versions keep their terms, record_term stays empty.
  await withClient(url, (c) =>
    bulkLoad(c, graphItems(loaded, o.seed, counts), {
      searchTerms: false,
      total,
      onProgress: (p) => {
        if (p.seconds - lastLog < 15 && p.loaded < p.total) return;
        lastLog = p.seconds;
        o.log(
          `loaded ${p.loaded}/${p.total} records and links in ${p.seconds.toFixed(0)} s (${Math.round(p.loaded / p.seconds)}/s)`,
        );
      },
      onIndex: (ddl) => o.log(`building ${ddl.replace(/^.*?(INDEX|CONSTRAINT) (\S+).*$/s, '$2')}`),
    }),
  );
  const loadSeconds = (performance.now() - started) / 1000;
  o.log(`loaded in ${loadSeconds.toFixed(0)} s; vacuum analyze`);
  await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
  const { rows } = await sql<{ size: string }>`
    SELECT pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
  return {
    edges: loaded.from.length,
    nodes: loaded.nodes,
    seed: o.seed,
    graphFingerprint: o.graph.manifest.fingerprint,
    counts,
    loadSeconds,
    buildSeconds: (performance.now() - started) / 1000,
    databaseSize: rows[0]?.size,
  };
}
