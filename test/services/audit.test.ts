import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { listAudit, verifyAudit } from '../../src/services/audit/read-audit.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { getRecord } from '../../src/services/records/get-record.js';
import { retractRecord } from '../../src/services/records/change-record.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let analyst: TestUser;
let supervisor: TestUser;
let other: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const hsi = await buildAgency(database.db, 'HSI', 'US');
  const sedena = await buildAgency(database.db, 'SEDENA', 'MX');
  analyst = await buildUser(database.db, hsi);
  supervisor = await buildUser(database.db, hsi, 'supervisor');
  other = await buildUser(database.db, sedena);
});
afterAll(() => database.close());

describe('audit log', () => {
  it('records reads with the ids returned, and refusals with their reason', async () => {
    const r = await createRecord(analyst.call, {
      schema: 'Seizure',
      properties: {
        date: ['2025-03-14'],
        portOfEntry: ['Nogales'],
        quantity: ['12 kg'],
        drug: ['fentanyl powder'],
      },
      marking: 'GREEN',
    });
    await getRecord({ ...other.call, purpose: 'case 2025-117' }, r.id);
    await expect(retractRecord(other.call, r.id, {})).rejects.toThrow(AppError);

    const { rows } = await sql<{
      action: string;
      outcome: string;
      record_ids: string[];
      purpose: string | null;
      agency: string;
    }>`
      SELECT action, outcome, record_ids, purpose, agency FROM puente.audit_entry ORDER BY seq`.execute(
      database.db,
    );
    const read = rows.find((e) => e.action === 'record.get');
    expect(read).toMatchObject({
      outcome: 'ok',
      record_ids: [r.id],
      purpose: 'case 2025-117',
      agency: 'SEDENA',
    });
    expect(rows.find((e) => e.action === 'record.retract')).toMatchObject({
      outcome: 'error:not_originator',
    });
  });

  it('lets supervisors read only their own agency, and analysts not at all', async () => {
    const page = await listAudit(supervisor.call, { limit: 200 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((e) => e.agency))).toEqual(new Set(['HSI']));
    await expect(listAudit(analyst.call, {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps an unbroken chain under concurrent requests', async () => {
    const r = await createRecord(analyst.call, {
      schema: 'Phone',
      properties: { number: ['+52 55 1234 5678'] },
      marking: 'CLEAR',
    });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => getRecord(i % 2 ? analyst.call : other.call, r.id)),
    );
    const check = await verifyAudit(operator(database.db));
    expect(check.firstBroken).toBeNull();
    expect(check.entries).toBeGreaterThan(25);
  });

  it('cannot be changed by the application, and names the first edited entry', async () => {
    await expect(
      sql`UPDATE puente.audit_entry SET outcome = 'ok'`.execute(database.db),
    ).rejects.toThrow(/append-only/);

    // An attacker with the owner's access can switch triggers off; the chain still tells.
    await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`UPDATE puente.audit_entry SET result_count = 999 WHERE seq = 3`.execute(tx);
    });
    const check = await verifyAudit(operator(database.db));
    expect(check.firstBroken).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });
});
