import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { createLink } from '../../src/services/links/create-link.js';
import { getLink, listLinkHistory, listLinks } from '../../src/services/links/read-links.js';
import { remarkRecord, updateRecord } from '../../src/services/records/change-record.js';
import { createRecord, type CreateRecordInput } from '../../src/services/records/create-record.js';
import { getRecord, listVersions } from '../../src/services/records/get-record.js';
import { searchRecords } from '../../src/services/records/search-records.js';
import { listAudit } from '../../src/services/audit/read-audit.js';
import { asViewer } from '../../src/storage/session.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { attempt, auditHead, auditOf, errorShape } from './observe.js';

/* The tricky cases of the sharing rules, one by one, as a reader would check them by hand. */

let database: TestDatabase;
// Two US agencies, two Mexican, one Canadian; two users in the first Mexican agency.
let fgr: TestUser;
let fgr2: TestUser;
let sedena: TestUser;
let cbp: TestUser;
let atf: TestUser;
let rcmp: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const mx1 = await buildAgency(db, 'FGR', 'MX');
  const mx2 = await buildAgency(db, 'SEDENA', 'MX');
  const us1 = await buildAgency(db, 'CBP', 'US');
  const us2 = await buildAgency(db, 'ATF', 'US');
  const ca = await buildAgency(db, 'RCMP', 'CA');
  fgr = await buildUser(db, mx1, 'analyst');
  fgr2 = await buildUser(db, mx1, 'supervisor');
  sedena = await buildUser(db, mx2);
  cbp = await buildUser(db, us1, 'supervisor');
  atf = await buildUser(db, us2);
  rcmp = await buildUser(db, ca);
});
afterAll(() => database?.close());

const person = (name: string, sharing: Omit<CreateRecordInput, 'schema' | 'properties'>) =>
  createRecord(fgr.call, { schema: 'Person', properties: { name: [name] }, ...sharing });

/** Who among everyone can get the record: the answer as a sorted list of names. */
async function readers(id: string): Promise<string[]> {
  const all = { fgr, fgr2, sedena, cbp, atf, rcmp };
  const out: string[] = [];
  for (const [name, u] of Object.entries(all)) {
    if ((await attempt(getRecord(u.call, id))).ok) out.push(name);
  }
  return out.sort();
}

describe('sharing rules, case by case', () => {
  it('RED: only the creator and the named individuals, not the rest of the originating agency', async () => {
    const r = await person('Joaquín Peña Red', {
      marking: 'TLP:RED',
      recipientUsers: [atf.viewer.userId],
    });
    expect(await readers(r.id)).toEqual(['atf', 'fgr']);
    const hits = await searchRecords(fgr2.call, { q: 'pena red' });
    expect(hits.items.map((x) => x.id)).not.toContain(r.id);
  });

  it('AMBER+STRICT: the named agency sees it, another agency of the same country does not', async () => {
    const r = await person('Rosa Núñez Strict', {
      marking: 'TLP:AMBER+STRICT',
      recipientAgencies: ['CBP'],
    });
    expect(await readers(r.id)).toEqual(['cbp', 'fgr', 'fgr2']);
  });

  it('REL TO MX: hidden from every US and Canadian agency, whatever the marking allows', async () => {
    const r = await person('Luis Tremblay Rel', { marking: 'TLP:CLEAR', relCountries: ['MX'] });
    expect(await readers(r.id)).toEqual(['fgr', 'fgr2', 'sedena']);
    const named = await person('Luis Tremblay Rel2', {
      marking: 'TLP:GREEN',
      relAgencies: ['RCMP'],
    });
    expect(await readers(named.id)).toEqual(['fgr', 'fgr2', 'rcmp']);
  });

  it('a GREEN link between a visible and an invisible record is invisible', async () => {
    const open = await person('Ana García Open', { marking: 'TLP:GREEN' });
    const hidden = await person('Ana García Hidden', {
      marking: 'TLP:AMBER',
      relCountries: ['MX'],
    });
    const link = await createLink(fgr.call, {
      type: 'associate_of',
      sourceId: open.id,
      targetId: hidden.id,
      marking: 'TLP:GREEN',
    });
    expect((await getRecord(cbp.call, open.id)).id).toBe(open.id);
    expect((await attempt(getLink(cbp.call, link.id))).ok).toBe(false);
    expect((await attempt(listLinkHistory(cbp.call, link.id))).ok).toBe(false);
    expect((await listLinks(cbp.call, { recordId: open.id })).items).toEqual([]);
    expect((await listLinks(sedena.call, { recordId: open.id })).items.map((l) => l.id)).toEqual([
      link.id,
    ]);
  });

  it('a re-mark from GREEN to RED hides the old GREEN version from a former viewer', async () => {
    const r = await person('Marie Côté Remarked', { marking: 'TLP:GREEN' });
    expect((await listVersions(rcmp.call, r.id)).map((v) => v.version)).toEqual([1]);
    await remarkRecord(fgr.call, r.id, { marking: 'TLP:RED', recipientUsers: [cbp.viewer.userId] });
    expect((await attempt(listVersions(rcmp.call, r.id))).ok).toBe(false);
    expect((await attempt(getRecord(rcmp.call, r.id))).ok).toBe(false);
    expect((await searchRecords(rcmp.call, { q: 'cote remarked' })).items).toEqual([]);
    expect((await listVersions(cbp.call, r.id)).map((v) => v.marking)).toEqual([
      'TLP:GREEN',
      'TLP:RED',
    ]);

    // And back: the RED version stays hidden from those the new marking lets in.
    await remarkRecord(fgr.call, r.id, { marking: 'TLP:GREEN' });
    expect((await listVersions(rcmp.call, r.id)).map((v) => v.version)).toEqual([1, 3]);
  });

  it('a forbidden id answers exactly like an unknown one, on every path, and is audited as nothing', async () => {
    const secret = await person('Jean Gagnon Secret', {
      marking: 'TLP:AMBER',
      relCountries: ['MX'],
    });
    const open = await person('Jean Gagnon Open', { marking: 'TLP:GREEN' });
    const link = await createLink(fgr.call, {
      type: 'associate_of',
      sourceId: open.id,
      targetId: secret.id,
      marking: 'TLP:CLEAR',
    });
    type Path = (id: string) => Promise<unknown>;
    const paths: Path[] = [
      (id: string) => getRecord(cbp.call, id),
      (id: string) => listVersions(cbp.call, id),
      (id: string) => listLinks(cbp.call, { recordId: id }),
      (id: string) => updateRecord(cbp.call, id, { properties: { name: ['x'] } }),
      (id: string) => remarkRecord(cbp.call, id, { marking: 'TLP:CLEAR' }),
      (id: string) =>
        createLink(cbp.call, {
          type: 'associate_of',
          sourceId: open.id,
          targetId: id,
          marking: 'GREEN',
        }),
    ];
    const linkPaths: Path[] = [
      (id: string) => getLink(cbp.call, id),
      (id: string) => listLinkHistory(cbp.call, id),
    ];
    const start = await auditHead(database.db);
    for (const [ids, list] of [
      [[secret.id, newId()], paths],
      [[link.id, newId()], linkPaths],
    ] as const) {
      for (const path of list) {
        const [forbidden, unknown] = ids;
        const a = errorShape(await attempt(path(forbidden)), forbidden);
        const b = errorShape(await attempt(path(unknown)), unknown);
        expect(a).toEqual(b);
        expect(a).toMatchObject({ code: 'not_found', status: 404 });
      }
    }
    const entries = await auditOf(database.db, cbp.viewer.userId, start);
    expect(entries).toHaveLength(2 * (paths.length + linkPaths.length));
    for (const e of entries)
      expect(e).toMatchObject({ outcome: 'error:not_found', ids: [], count: null });
  });

  it("a supervisor reads only their own agency's audit entries; an analyst none", async () => {
    const page = await listAudit(cbp.call, { limit: 200 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((e) => e.agency))).toEqual(new Set(['CBP']));
    expect((await attempt(listAudit(fgr.call, {}))).ok).toBe(false);
  });
});

describe('the application role itself', () => {
  it('counts with plain SQL only what the rules let it see', async () => {
    const count = (u: TestUser | null) =>
      asViewer(database.db, u?.viewer ?? null, async (tx) => {
        const { rows } = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM puente.record`.execute(tx);
        return rows[0]!.n;
      });
    const all = await database.db
      .selectFrom('puente.record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await count(null)).toBe(0);
    // The creator of every record sees them all; a colleague misses the RED one, Canada more.
    expect(await count(fgr)).toBe(Number(all.n));
    expect(await count(fgr2)).toBeLessThan(Number(all.n));
    expect(await count(rcmp)).toBeLessThan(await count(fgr2));
  });

  it.each([
    ['UPDATE puente.record SET marking = marking'],
    ['DELETE FROM puente.record'],
    ['INSERT INTO puente.record SELECT * FROM puente.record'],
    ['UPDATE puente.record_version SET marking = marking'],
    ['DELETE FROM puente.record_version'],
    ['UPDATE puente.record_term SET term = term'],
    ['DELETE FROM puente.record_term'],
    ['UPDATE puente.link SET marking = marking'],
    ['DELETE FROM puente.link'],
    ['UPDATE puente.link_version SET marking = marking'],
    ['DELETE FROM puente.link_version'],
    ['UPDATE puente.audit_entry SET outcome = outcome'],
    ['DELETE FROM puente.audit_entry'],
    ['UPDATE puente.audit_head SET seq = 0'],
    ['TRUNCATE puente.audit_entry'],
  ])('may not %s', async (statement) => {
    const run = asViewer(database.db, fgr.viewer, (tx) => sql.raw(statement).execute(tx));
    await expect(run).rejects.toMatchObject({ code: '42501' });
  });
});
