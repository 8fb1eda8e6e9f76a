import type { NewLinkVersion } from '../../../src/storage/links.js';
import type { GeneratedVersion } from './generate.js';

/**
 * What the loader needs of a connection (a pg.Client, or an adapter over the embedded
 * database): one session, so that its settings hold for every statement.
 */
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/*
 * Bulk load, as the owner with triggers off (session_replication_role = replica): each batch
 * inserts its versions and, from the rows they return, the heads and search terms exactly as
 * puente.apply_record_version() would for a first version. owner_key and audience come from the
 * generated columns of record_version, so they cannot disagree with the policy's definition.
 * Rows travel as one JSON parameter per batch: parameterised, and no COPY client is needed.
 */
const LOAD_BATCH = `
WITH v AS (
  INSERT INTO puente.record_version (record_id, version, schema, agency, created_by, changed_by,
    changed_at, change, source_ref, properties, marking, rel_to, recipients, retracted, caption,
    event_date, countries, terms)
  SELECT record_id, version, schema, agency, created_by, changed_by, changed_at, change,
    source_ref, properties, marking, rel_to, recipients, retracted, caption, event_date,
    countries, terms
  FROM json_to_recordset($1::json) AS x(record_id uuid, version integer, schema text,
    agency text, created_by uuid, changed_by uuid, changed_at timestamptz, change text,
    source_ref text, properties jsonb, marking text, rel_to text[], recipients text[],
    retracted boolean, caption text, event_date date, countries text[], terms text[])
  RETURNING *
), heads AS (
  INSERT INTO puente.record
  SELECT record_id, 1, schema, agency, created_by, changed_at, changed_by, changed_at, source_ref,
    properties, marking, rel_to, recipients, retracted, caption, event_date, countries,
    owner_key, audience
  FROM v
)
INSERT INTO puente.record_term (term, record_id, owner_key, rel_to, audience)
SELECT DISTINCT t, v.record_id, v.owner_key, v.rel_to, v.audience
FROM v, unnest(v.terms) AS t
WHERE NOT v.retracted`;

const LOADED_TABLES = ['puente.record_version', 'puente.record', 'puente.record_term'];

/*
 * The same without the search postings: versions keep their terms (record_version.terms), so
 * record_term can be filled from them later, but a data set that is never searched does not
 * pay for the largest table and index of all.
 */
const LOAD_BATCH_WITHOUT_TERMS = `
WITH v AS (
  INSERT INTO puente.record_version (record_id, version, schema, agency, created_by, changed_by,
    changed_at, change, source_ref, properties, marking, rel_to, recipients, retracted, caption,
    event_date, countries, terms)
  SELECT record_id, version, schema, agency, created_by, changed_by, changed_at, change,
    source_ref, properties, marking, rel_to, recipients, retracted, caption, event_date,
    countries, terms
  FROM json_to_recordset($1::json) AS x(record_id uuid, version integer, schema text,
    agency text, created_by uuid, changed_by uuid, changed_at timestamptz, change text,
    source_ref text, properties jsonb, marking text, rel_to text[], recipients text[],
    retracted boolean, caption text, event_date date, countries text[], terms text[])
  RETURNING *
)
INSERT INTO puente.record
SELECT record_id, 1, schema, agency, created_by, changed_at, changed_by, changed_at, source_ref,
  properties, marking, rel_to, recipients, retracted, caption, event_date, countries,
  owner_key, audience
FROM v`;

/** A link version as the loader writes it: the row appendLinkVersions would, with its time. */
export type GeneratedLinkVersion = NewLinkVersion & { changed_at: string };

/*
 * Links the same way: each batch inserts its versions and, from the rows they return, the heads
 * exactly as puente.apply_link_versions() would for a first version (owner key and audience
 * from the generated columns of link_version).
 */
const LOAD_LINK_BATCH = `
WITH v AS (
  INSERT INTO puente.link_version (link_id, version, link_type, source_id, target_id, agency,
    created_by, changed_by, changed_at, change, source_ref, properties, marking, rel_to,
    recipients, retracted)
  SELECT link_id, version, link_type, source_id, target_id, agency, created_by, changed_by,
    changed_at, change, source_ref, properties, marking, rel_to, recipients, retracted
  FROM json_to_recordset($1::json) AS x(link_id uuid, version integer, link_type text,
    source_id uuid, target_id uuid, agency text, created_by uuid, changed_by uuid,
    changed_at timestamptz, change text, source_ref text, properties jsonb, marking text,
    rel_to text[], recipients text[], retracted boolean)
  RETURNING *
)
INSERT INTO puente.link
SELECT link_id, 1, link_type, source_id, target_id, agency, created_by, changed_at, changed_by,
  changed_at, source_ref, properties, marking, rel_to, recipients, retracted, owner_key, audience
FROM v`;

const LINK_TABLES = ['puente.link_version', 'puente.link'];

/**
 * Indexes and primary keys of the loaded tables, as their own DDL (pg_get_indexdef /
 * pg_get_constraintdef), so they can be dropped for the load and rebuilt exactly: building an
 * index once is far cheaper than maintaining it through millions of inserts. Keys that foreign
 * keys depend on stay (record ids arrive in order, so that one is cheap to maintain).
 */
async function takeIndexes(
  client: Queryable,
  tables: readonly string[] = LOADED_TABLES,
): Promise<string[]> {
  const { rows: keys } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint c WHERE conrelid = ANY ($1::regclass[]) AND contype = 'p'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i WHERE i.indrelid = ANY ($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const k of keys) await client.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  return [
    ...keys.map((k) => `ALTER TABLE ${k.tbl} ADD CONSTRAINT ${k.name} ${k.def}`),
    ...indexes.map((i) => i.def),
  ];
}

export interface LoadProgress {
  loaded: number;
  total: number;
  seconds: number;
}

/**
 * Streams generated versions into the database in batches; generation of the next batch
 * overlaps the database's work on the current one.
 */
export interface LoadOptions {
  total: number;
  onProgress: (p: LoadProgress) => void;
  /** Called before each index is rebuilt. */
  onIndex: (ddl: string) => void;
  batchSize?: number;
}

export async function loadRecords(
  client: Queryable,
  versions: Iterable<GeneratedVersion>,
  { total, onProgress, onIndex, batchSize = 5000 }: LoadOptions,
): Promise<number> {
  const started = performance.now();
  await client.query('SET session_replication_role = replica');
  await client.query('SET synchronous_commit = off');
  const rebuild = await takeIndexes(client);
  let loaded = 0;
  let pending: Promise<unknown> | undefined;
  let batch: GeneratedVersion[] = [];
  const flush = async () => {
    const json = JSON.stringify(batch);
    const size = batch.length;
    batch = [];
    await pending;
    pending = client.query(LOAD_BATCH, [json]).then(() => {
      loaded += size;
      onProgress({ loaded, total, seconds: (performance.now() - started) / 1000 });
    });
  };
  try {
    for (const v of versions) {
      batch.push(v);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    await pending;
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const ddl of rebuild) {
      onIndex(ddl);
      await client.query(ddl);
    }
  } finally {
    // A failed batch is reported by the await above; do not let it surface twice.
    pending?.catch(() => {});
    await client.query('SET session_replication_role = DEFAULT');
  }
  return loaded;
}

/** What loadGraph takes: record versions and link versions, in any mix. */
export type GraphItem = GeneratedVersion | GeneratedLinkVersion;

const isLink = (item: GraphItem): item is GeneratedLinkVersion => 'link_id' in item;

/**
 * Records and the links between them, as loadRecords loads records: triggers off, one JSON
 * parameter per batch, indexes and primary keys of the record and link tables dropped for the
 * load and rebuilt from their own definitions after it. A batch writes its records before its
 * links; foreign keys are not checked during the load (the replication role), so a link may
 * come before or after its ends. Progress counts records and links together. With
 * `searchTerms: false` the records get no search postings.
 */
export async function loadGraph(
  client: Queryable,
  items: Iterable<GraphItem>,
  {
    total,
    onProgress,
    onIndex,
    batchSize = 5000,
    searchTerms = true,
  }: LoadOptions & {
    /** false: leave record_term empty (the versions keep their terms). */
    searchTerms?: boolean;
  },
): Promise<{ records: number; links: number }> {
  const loadBatch = searchTerms ? LOAD_BATCH : LOAD_BATCH_WITHOUT_TERMS;
  const started = performance.now();
  await client.query('SET session_replication_role = replica');
  await client.query('SET synchronous_commit = off');
  const rebuild = await takeIndexes(client, [...LOADED_TABLES, ...LINK_TABLES]);
  const loaded = { records: 0, links: 0 };
  let pending: Promise<unknown> | undefined;
  let records: GeneratedVersion[] = [];
  let links: GeneratedLinkVersion[] = [];
  const flush = async () => {
    const recordJson = records.length ? JSON.stringify(records) : null;
    const linkJson = links.length ? JSON.stringify(links) : null;
    const sizes = { records: records.length, links: links.length };
    records = [];
    links = [];
    await pending;
    pending = (async () => {
      if (recordJson) await client.query(loadBatch, [recordJson]);
      if (linkJson) await client.query(LOAD_LINK_BATCH, [linkJson]);
      loaded.records += sizes.records;
      loaded.links += sizes.links;
      onProgress({
        loaded: loaded.records + loaded.links,
        total,
        seconds: (performance.now() - started) / 1000,
      });
    })();
  };
  try {
    for (const item of items) {
      if (isLink(item)) links.push(item);
      else records.push(item);
      if (records.length >= batchSize || links.length >= batchSize) await flush();
    }
    if (records.length || links.length) await flush();
    await pending;
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const ddl of rebuild) {
      onIndex(ddl);
      await client.query(ddl);
    }
  } finally {
    pending?.catch(() => {});
    await client.query('SET session_replication_role = DEFAULT');
  }
  return loaded;
}
