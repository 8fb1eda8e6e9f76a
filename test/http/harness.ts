import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { Db } from '../../src/storage/database.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';

export interface Harness {
  database: TestDatabase;
  db: Db;
  app: FastifyInstance;
  /** FGR (Mexico): an analyst, a supervisor and an admin. */
  fgr: TestUser;
  fgrSupervisor: TestUser;
  fgrAdmin: TestUser;
  /** CBP (United States) and RCMP (Canada): analysts. */
  cbp: TestUser;
  rcmp: TestUser;
  close(): Promise<void>;
}

/** A fresh database with three agencies and an app over it; `buildApp` options may be given. */
export async function openHarness(options: { bodyLimit?: number } = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const db = database.db;
  const [fgrAgency, cbpAgency, rcmpAgency] = [
    await buildAgency(db, 'FGR', 'MX'),
    await buildAgency(db, 'CBP', 'US'),
    await buildAgency(db, 'RCMP', 'CA'),
  ];
  const app = await buildApp({ db, ...options });
  return {
    database,
    db,
    app,
    fgr: await buildUser(db, fgrAgency, 'analyst'),
    fgrSupervisor: await buildUser(db, fgrAgency, 'supervisor'),
    fgrAdmin: await buildUser(db, fgrAgency, 'admin'),
    cbp: await buildUser(db, cbpAgency, 'analyst'),
    rcmp: await buildUser(db, rcmpAgency, 'analyst'),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Requests signed with a user's token (or with a raw token string). */
export function as(app: FastifyInstance, who: TestUser | string) {
  const token = typeof who === 'string' ? who : who.token;
  return (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...opts.headers } });
}

export interface AuditRow {
  action: string;
  outcome: string;
  user_id: string | null;
  agency: string | null;
  purpose: string | null;
  query: unknown;
}

/** The audit log as the owner sees it: how long it is and its newest entry. */
export async function auditTail(db: Db): Promise<{ count: number; last: AuditRow | undefined }> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM puente.audit_entry`.execute(db);
  const { rows: last } = await sql<AuditRow>`
    SELECT action, outcome, user_id, agency, purpose, query FROM puente.audit_entry ORDER BY seq DESC LIMIT 1`.execute(
    db,
  );
  return { count: rows[0]!.n, last: last[0] };
}

/** Every stored version of every record and link: a refused request must leave it unchanged. */
export async function storedVersions(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM puente.record_version)::int + (SELECT count(*) FROM puente.link_version)::int AS n`.execute(
    db,
  );
  return rows[0]!.n;
}

/** Asserts an RFC 9457 answer with the given status and code, and returns the document. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = res.json();
  expect(problem).toMatchObject({ type: `urn:puente:problem:${code}`, status, code });
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.detail).toBe('string');
  expect(typeof problem.instance).toBe('string');
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return problem as {
    title: string;
    detail: string;
    instance: string;
    errors?: { code: string; field?: string }[];
    reference?: string;
  };
}
