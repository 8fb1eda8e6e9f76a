import { sql } from 'kysely';
import { expect } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import type { Call } from '../../src/services/context.js';
import { getLink, listLinkHistory, listLinks } from '../../src/services/links/read-links.js';
import { exportRecords } from '../../src/services/records/export-records.js';
import { facetRecords } from '../../src/services/records/facet-records.js';
import { getRecord, listVersions } from '../../src/services/records/get-record.js';
import {
  searchRecords,
  type SearchRecordsInput,
} from '../../src/services/records/search-records.js';
import type { Db } from '../../src/storage/database.js';
import { asViewer } from '../../src/storage/session.js';
import type { RecordFilter, RefWorld } from './model.js';
import {
  allPages,
  attempt,
  auditHead,
  auditOf,
  errorShape,
  pagesOf,
  type Outcome,
  type SeenEntry,
} from './observe.js';
import type { World } from './world.js';
import { GIVEN, pick, SCHEMAS, SURNAMES, type WorldSpec } from './world-spec.js';

/*
 * Every read path, asked by one viewer, compared with the reference model: nothing forbidden is
 * returned or counted, nothing allowed is missing, and a forbidden id is refused exactly like an
 * unknown one. Each call's audit entry is predicted too, and compared at the end.
 */

type Query = WorldSpec['viewers'][number];

class Checker {
  readonly call: Call;
  readonly audit: SeenEntry[] = [];
  constructor(
    readonly db: Db,
    readonly model: RefWorld,
    readonly viewer: Viewer,
  ) {
    this.call = { db, viewer };
  }

  expectAudit(action: string, ids: string[], count?: number) {
    this.audit.push({ action, outcome: 'ok', ids, count: count ?? ids.length });
  }

  expectRefusal(
    action: string,
    outcome: Outcome<unknown>,
    id: string,
    unknown: object,
    what: string,
  ) {
    expect(errorShape(outcome, id), `${what} must be refused like an unknown id`).toEqual(unknown);
    this.audit.push({ action, outcome: 'error:not_found', ids: [], count: null });
  }

  /** The refusal for an id that never existed: the shape every forbidden id must match. */
  async unknownShapes() {
    const id = newId();
    const shapes = {
      get: errorShape(await attempt(getRecord(this.call, id)), id),
      versions: errorShape(await attempt(listVersions(this.call, id)), id),
      links: errorShape(await attempt(listLinks(this.call, { recordId: id })), id),
      getLink: errorShape(await attempt(getLink(this.call, id)), id),
      linkHistory: errorShape(await attempt(listLinkHistory(this.call, id)), id),
    };
    for (const action of [
      'record.get',
      'record.versions',
      'link.list',
      'link.get',
      'link.versions',
    ]) {
      this.audit.push({ action, outcome: 'error:not_found', ids: [], count: null });
    }
    expect(shapes.get).toMatchObject({ code: 'not_found', status: 404 });
    return shapes;
  }

  async records(ids: string[], unknown: Awaited<ReturnType<Checker['unknownShapes']>>) {
    for (const id of ids) {
      const what = `record ${id}`;
      const got = await attempt(getRecord(this.call, id));
      if (this.model.seesRecord(this.viewer, id)) {
        const head = this.model.head(this.model.record(id));
        expect(got.ok, `${what} must be visible`).toBe(true);
        if (got.ok) {
          expect(
            {
              id: got.value.id,
              version: got.value.version,
              marking: got.value.marking,
              retracted: got.value.retracted,
            },
            what,
          ).toEqual({
            id,
            version: head.version,
            marking: `TLP:${head.marking}`,
            retracted: head.retracted,
          });
        }
        this.expectAudit('record.get', [id]);
      } else {
        this.expectRefusal('record.get', got, id, unknown.get, what);
      }

      const want = this.model.recordVersions(this.viewer, id);
      const versions = await attempt(listVersions(this.call, id));
      if (want.length === 0) {
        this.expectRefusal(
          'record.versions',
          versions,
          id,
          unknown.versions,
          `versions of ${what}`,
        );
      } else {
        const record = this.model.record(id);
        expect(
          versions.ok ? versions.value.map((v) => [v.version, v.marking]) : versions.error.code,
          `versions of ${what}`,
        ).toEqual(want.map((n) => [n, `TLP:${record.versions[n - 1]!.marking}`]));
        this.expectAudit('record.versions', [id], want.length);
      }
    }
  }

  /** Pages through a list and compares every page (ids and order) with the reference. */
  async list(filter: RecordFilter, limit: number) {
    const want = pagesOf(this.model.listRecords(this.viewer, filter), limit);
    const input: SearchRecordsInput = {
      q: filter.q,
      schema: filter.schema ? [...filter.schema] : undefined,
      agency: filter.agency ? [...filter.agency] : undefined,
      includeRetracted: filter.includeRetracted,
      limit,
    };
    const got = await allPages((cursor) => searchRecords(this.call, { ...input, cursor }));
    expect(got, `searchRecords ${JSON.stringify(filter)} limit ${limit}`).toEqual(want);
    for (const page of want) this.expectAudit(filter.q ? 'record.search' : 'record.list', page);
  }

  /** Counts and exports: totals and per-facet counts of exactly the visible records. */
  async facetsAndExport(filter: RecordFilter) {
    const ids = this.model.listRecords(this.viewer, filter);
    const input = {
      q: filter.q,
      schema: filter.schema ? [...filter.schema] : undefined,
      agency: filter.agency ? [...filter.agency] : undefined,
      includeRetracted: filter.includeRetracted,
    };
    const tally = (key: (id: string) => string) => {
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(key(id), (counts.get(key(id)) ?? 0) + 1);
      return [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    };
    const got = await facetRecords(this.call, {
      ...input,
      facets: ['schema', 'agency', 'marking'],
    });
    const what = `facets ${JSON.stringify(filter)}`;
    expect(got, what).toEqual({
      total: ids.length,
      facets: {
        schema: tally((id) => this.model.record(id).schema),
        agency: tally((id) => this.model.record(id).agency),
        marking: tally((id) => this.model.head(this.model.record(id)).marking),
      },
    });
    this.expectAudit('record.facets', [], ids.length);

    const want = pagesOf(ids, 4);
    const exported = await allPages((cursor) =>
      exportRecords(this.call, { ...input, cursor, limit: 4 }),
    );
    expect(exported, `export ${JSON.stringify(filter)}`).toEqual(want);
    for (const page of want) this.expectAudit('record.export', page);
  }

  async links(w: World, unknown: Awaited<ReturnType<Checker['unknownShapes']>>) {
    for (const [i, recordId] of w.records.entries()) {
      const includeRetracted = i % 2 === 1;
      const got = await attempt(listLinks(this.call, { recordId, includeRetracted, limit: 200 }));
      if (!this.model.seesRecord(this.viewer, recordId)) {
        this.expectRefusal(
          'link.list',
          got,
          recordId,
          unknown.links,
          `links of record ${recordId}`,
        );
        continue;
      }
      const want = this.model.listLinks(this.viewer, { recordId, includeRetracted });
      expect(
        got.ok ? got.value.items.map((l) => l.id) : got.error.code,
        `links of record ${recordId}`,
      ).toEqual(want);
      this.expectAudit('link.list', want);
    }
    for (const id of w.links) {
      const what = `link ${id}`;
      const got = await attempt(getLink(this.call, id));
      if (this.model.seesLink(this.viewer, id)) {
        const head = this.model.head(this.model.link(id));
        expect(
          got.ok ? [got.value.id, got.value.version, got.value.marking] : got.error.code,
          what,
        ).toEqual([id, head.version, `TLP:${head.marking}`]);
        this.expectAudit('link.get', [id]);
      } else {
        this.expectRefusal('link.get', got, id, unknown.getLink, what);
      }
      const want = this.model.linkVersions(this.viewer, id);
      const history = await attempt(listLinkHistory(this.call, id));
      if (want.length === 0) {
        this.expectRefusal('link.versions', history, id, unknown.linkHistory, `history of ${what}`);
      } else {
        expect(
          history.ok ? history.value.map((v) => v.version) : history.error.code,
          `history of ${what}`,
        ).toEqual(want);
        this.expectAudit('link.versions', [id], want.length);
      }
    }
    const all = await allPages((cursor) => listLinks(this.call, { cursor, limit: 200 }));
    const want = pagesOf(this.model.listLinks(this.viewer, {}), 200);
    expect(all, 'every link').toEqual(want);
    for (const page of want) this.expectAudit('link.list', page);
  }

  /** The same rules hold for plain SQL as the application role: no path around the policy. */
  async sqlCounts() {
    const { rows } = await asViewer(this.db, this.viewer, (tx) =>
      sql<{
        records: number;
        recordVersions: number;
        indexed: number;
        links: number;
        linkVersions: number;
      }>`
        SELECT (SELECT count(*)::int FROM puente.record) AS "records",
               (SELECT count(*)::int FROM puente.record_version) AS "recordVersions",
               (SELECT count(DISTINCT record_id)::int FROM puente.record_term) AS "indexed",
               (SELECT count(*)::int FROM puente.link) AS "links",
               (SELECT count(*)::int FROM puente.link_version) AS "linkVersions"`.execute(tx),
    );
    expect(rows[0], 'row counts as puente_app').toEqual(this.model.counts(this.viewer));
  }
}

export async function checkViewer(db: Db, model: RefWorld, w: World, viewer: Viewer, q: Query) {
  const start = await auditHead(db);
  const c = new Checker(db, model, viewer);
  const unknown = await c.unknownShapes();
  await c.records(w.records, unknown);

  const mine = w.agencies.map((a) => a.code);
  const surname = pick(SURNAMES, q.surname);
  await c.list({ agency: mine }, 7);
  await c.list({ agency: mine, includeRetracted: true }, 7);
  await c.list({ agency: [pick(mine, q.agency)] }, 3);
  await c.list(
    { agency: mine, schema: [pick(SCHEMAS, q.schema), pick(SCHEMAS, q.schema + 1)] },
    200,
  );
  await c.list({}, 200);
  await c.list(
    { q: q.shout ? surname.toUpperCase() : surname.normalize('NFD').replace(/\p{M}/gu, '') },
    50,
  );
  await c.list({ q: `${surname.slice(0, 3)}*`, includeRetracted: true }, 200);
  await c.list({ q: surname.slice(0, 3), includeRetracted: true }, 200);
  await c.list({ q: `${pick(GIVEN, q.given)} ${surname}`, agency: mine }, 200);
  await c.facetsAndExport({ agency: mine, includeRetracted: q.shout });
  await c.facetsAndExport({ q: surname });
  await c.links(w, unknown);
  await c.sqlCounts();

  const seen = await auditOf(db, viewer.userId, start);
  expect(seen, `audit of ${viewer.userId}: what each call returned or counted`).toEqual(c.audit);
}
