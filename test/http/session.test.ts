import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { revokeToken } from '../../src/services/identity/tokens.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

interface Signed {
  cookie: string;
  csrf: string;
  setCookies: string[];
}

async function signIn(app: FastifyInstance, token: string): Promise<Signed> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { token } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookies = [res.headers['set-cookie'] ?? []].flat();
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: res.json().csrfToken, setCookies };
}

const withSession =
  (app: FastifyInstance, s: Signed, csrf?: string) =>
  (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      payload,
      headers: { cookie: s.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });

const record = {
  schema: 'Person',
  properties: { name: ['José Luis Rodríguez Peña'] },
  marking: 'TLP:AMBER',
  relCountries: ['MX'],
};

describe('browser sessions', () => {
  it('turns a token into httpOnly, SameSite=Strict cookies and the same viewer', async () => {
    const s = await signIn(h.app, h.fgr.token);
    const session = s.setCookies.find((c) => c.startsWith('puente_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/);
    const csrf = s.setCookies.find((c) => c.startsWith('puente_csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toContain(s.csrf);
    const me = await withSession(h.app, s)('GET', '/api/v1/me');
    expect(me.json()).toEqual(
      (await as(h.app, h.fgr)({ method: 'GET', url: '/api/v1/me' })).json(),
    );
    const info = await withSession(h.app, s)('GET', '/api/v1/session');
    expect(info.json()).toMatchObject({ csrfToken: s.csrf, idleTimeoutSeconds: 1800 });
  });

  it('audits sign-in and sign-out with the user', async () => {
    const s = await signIn(h.app, h.cbp.token);
    const { rows } = await sql<{ action: string; outcome: string; user_id: string }>`
      SELECT action, outcome, user_id FROM puente.audit_entry WHERE action LIKE 'session.%' ORDER BY seq DESC LIMIT 1`.execute(
      h.db,
    );
    expect(rows[0]).toEqual({
      action: 'session.start',
      outcome: 'ok',
      user_id: h.cbp.viewer.userId,
    });
    const out = await withSession(h.app, s, s.csrf)('DELETE', '/api/v1/session');
    expect(out.statusCode).toBe(204);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'session.end',
      outcome: 'ok',
      user_id: h.cbp.viewer.userId,
    });
    expectProblem(await withSession(h.app, s)('GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('refuses a change made with the cookie but without the CSRF token, and audits it', async () => {
    const s = await signIn(h.app, h.fgr.token);
    const before = await auditTail(h.db);
    for (const csrf of [undefined, 'forged', s.csrf.slice(1) + 'A']) {
      const res = await withSession(h.app, s, csrf)('POST', '/api/v1/records', record);
      expectProblem(res, 403, 'csrf_failed');
    }
    const after = await auditTail(h.db);
    expect(after.count).toBe(before.count + 3);
    expect(after.last).toMatchObject({
      action: 'http.rejected',
      outcome: 'error:csrf_failed',
      user_id: h.fgr.viewer.userId,
    });
    const ok = await withSession(h.app, s, s.csrf)('POST', '/api/v1/records', record);
    expect(ok.statusCode, ok.body).toBe(201);
    // Sign-out is a change too.
    expectProblem(await withSession(h.app, s)('DELETE', '/api/v1/session'), 403, 'csrf_failed');
  });

  it('keeps bearer tokens working, and a bearer token has no session', async () => {
    const res = await as(h.app, h.fgr)({ method: 'POST', url: '/api/v1/records', payload: record });
    expect(res.statusCode).toBe(201);
    expectProblem(
      await as(h.app, h.fgr)({ method: 'GET', url: '/api/v1/session' }),
      404,
      'not_found',
    );
  });

  it('refuses a bad token at sign-in, audited', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { token: 'pnt_nope' },
    });
    expectProblem(res, 401, 'unauthenticated');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'auth.token',
      outcome: 'error:unauthenticated',
    });
  });

  it('stores only the hash of the session secret', async () => {
    const s = await signIn(h.app, h.rcmp.token);
    const secret = /puente_session=([^;]+)/.exec(s.cookie)![1]!;
    const { rows } = await sql<{
      dump: string;
    }>`SELECT string_agg(w::text, ' ') AS dump FROM puente.web_session w`.execute(h.db);
    expect(rows[0]!.dump).not.toContain(secret);
    expect(rows[0]!.dump).not.toContain(Buffer.from(secret).toString('hex'));
  });

  it('ends the session when its token is revoked', async () => {
    const s = await signIn(h.app, h.fgrSupervisor.token);
    expect((await withSession(h.app, s)('GET', '/api/v1/me')).statusCode).toBe(200);
    await revokeToken(h.fgrSupervisor.call, await tokenIdOf(h.fgrSupervisor.token));
    const res = await withSession(h.app, s)('GET', '/api/v1/me');
    expectProblem(res, 401, 'unauthenticated');
    expect([res.headers['set-cookie']].flat().join()).toMatch(/puente_session=;/);
  });

  it('marks cookies Secure over TLS or when told to', async () => {
    const app = await buildApp({ db: h.db, sessions: { secureCookies: true } });
    const s = await signIn(app, h.fgr.token);
    expect(s.setCookies.every((c) => /; Secure/.test(c))).toBe(true);
    await app.close();
  });

  it('times out an idle session, and activity keeps it alive', async () => {
    const s = await signIn(h.app, h.cbp.token);
    const idleFor = (minutes: number) =>
      sql`UPDATE puente.web_session SET last_seen_at = now() - make_interval(mins => ${minutes}::integer)
        WHERE ended_at IS NULL AND user_id = ${h.cbp.viewer.userId}`.execute(h.db);
    // Unused for 29 of the 30 minutes: still alive, and the request counts as activity.
    await idleFor(29);
    expect((await withSession(h.app, s)('GET', '/api/v1/me')).statusCode).toBe(200);
    const { rows } = await sql<{ fresh: boolean }>`
      SELECT bool_and(last_seen_at > now() - interval '1 minute') AS fresh
      FROM puente.web_session WHERE ended_at IS NULL AND user_id = ${h.cbp.viewer.userId}`.execute(
      h.db,
    );
    expect(rows[0]!.fresh).toBe(true);
    await idleFor(31);
    expectProblem(await withSession(h.app, s)('GET', '/api/v1/me'), 401, 'unauthenticated');
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'auth.session',
      outcome: 'error:unauthenticated',
    });
  });

  it('takes the idle time-out from the options', async () => {
    const app = await buildApp({ db: h.db, sessions: { idleSeconds: 60 } });
    const s = await signIn(app, h.rcmp.token);
    expect((await withSession(app, s)('GET', '/api/v1/session')).json().idleTimeoutSeconds).toBe(
      60,
    );
    await sql`UPDATE puente.web_session SET last_seen_at = now() - interval '61 seconds'
      WHERE ended_at IS NULL AND user_id = ${h.rcmp.viewer.userId}`.execute(h.db);
    expectProblem(await withSession(app, s)('GET', '/api/v1/me'), 401, 'unauthenticated');
    await app.close();
  });
});

async function tokenIdOf(token: string): Promise<string> {
  const res: LightMyRequestResponse = await as(h.app, token)({ method: 'GET', url: '/api/v1/me' });
  return res.json().tokenId;
}
