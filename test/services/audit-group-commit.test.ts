import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type RootOperationNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/read-audit.js';
import { audited } from '../../src/services/audited.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { getRecord } from '../../src/services/records/get-record.js';
import { searchRecords } from '../../src/services/records/search-records.js';
import { appendAuditEntryDurably } from '../../src/storage/audit-writer.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let analyst: TestUser;
let other: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  analyst = await buildUser(database.db, await buildAgency(database.db, 'CBP', 'US'));
  other = await buildUser(database.db, await buildAgency(database.db, 'FGR', 'MX'));
});
afterAll(() => database.close());

const isAuditInsert = (node: RootOperationNode) =>
  node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'audit_entry';

/** Counts audit INSERT statements, or refuses them (a database that cannot take the entry). */
class AuditInserts implements KyselyPlugin {
  count = 0;
  constructor(private readonly refuse = false) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (isAuditInsert(node)) {
      this.count++;
      if (this.refuse) throw new Error('audit log unavailable');
    }
    return node;
  }
  async transformResult<T>(args: { result: T }): Promise<T> {
    return args.result;
  }
}

const tail = async (n: number) =>
  (
    await sql<{ seq: number; query: { n: number } | null; action: string }>`
      SELECT seq, query, action FROM puente.audit_entry ORDER BY seq DESC LIMIT ${n}`.execute(
      database.db,
    )
  ).rows.reverse();

describe('audit group commit', () => {
  it('writes every waiting entry in one statement, chained in arrival order', async () => {
    const inserts = new AuditInserts();
    const db = database.db.withPlugin(inserts);
    await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        appendAuditEntryDurably(db, {
          userId: null,
          agency: null,
          action: 'test.batch',
          outcome: 'ok',
          query: { n },
        }),
      ),
    );
    expect(inserts.count).toBe(1);
    const rows = await tail(40);
    expect(rows.map((r) => r.query?.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(rows.map((r) => r.seq - rows[0]!.seq)).toEqual(rows.map((_, i) => i));
    expect((await verifyAudit(operator(database.db))).firstBroken).toBeNull();
  });

  it('audits each of many concurrent reads once, with an intact chain', async () => {
    const r = await createRecord(analyst.call, {
      schema: 'Phone',
      properties: { number: ['+52 55 8765 4321'] },
      marking: 'CLEAR',
    });
    const before = (await tail(1))[0]!.seq;
    const reads = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? searchRecords(i % 2 ? analyst.call : other.call, { schema: ['Phone'] })
          : getRecord(i % 2 ? analyst.call : other.call, r.id),
      ),
    );
    expect(reads).toHaveLength(30);
    const { rows } = await sql<{ action: string; n: number }>`
      SELECT action, count(*)::int AS n FROM puente.audit_entry WHERE seq > ${before}
      GROUP BY action ORDER BY action`.execute(database.db);
    // Reads of a page and of a record ("record.get" × 20, "record.list" × 10), nothing else.
    expect(rows).toEqual([
      { action: 'record.get', n: 20 },
      { action: 'record.list', n: 10 },
    ]);
    expect((await verifyAudit(operator(database.db))).firstBroken).toBeNull();
  });

  it('fails the waiting requests when their entries cannot be written', async () => {
    const db = database.db.withPlugin(new AuditInserts(true));
    const results = await Promise.allSettled([
      searchRecords({ db, viewer: analyst.viewer }, {}),
      searchRecords({ db, viewer: other.viewer }, { q: 'garcía' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('fails only the entry the database refuses, not the rest of its batch', async () => {
    const entry = (userId: string | null, n: number) =>
      appendAuditEntryDurably(database.db, {
        userId,
        agency: null,
        action: 'test.isolation',
        outcome: 'ok',
        query: { n },
      });
    const results = await Promise.allSettled([
      entry(null, 1),
      entry('not a uuid', 2),
      entry(null, 3),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await tail(2)).map((r) => r.query?.n)).toEqual([1, 3]);
  });

  it('refuses a write from work declared read-only, and audits the refusal', async () => {
    const attempt = audited(
      analyst.call,
      'test.sneaky',
      {},
      async (tx) => {
        await sql`INSERT INTO puente.agency (code, name, country) VALUES ('SNEAK', 'x', 'US')`.execute(
          tx,
        );
        return { result: null };
      },
      { readOnly: true },
    );
    await expect(attempt).rejects.toThrow(/read-only|permission denied/);
    expect((await tail(1))[0]).toMatchObject({ action: 'test.sneaky' });
  });
});
