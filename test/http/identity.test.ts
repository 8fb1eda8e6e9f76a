import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/identity/tokens.js';
import { operator } from '../support/factories.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('identity over HTTP', () => {
  it('tells who is asking and which agencies take part', async () => {
    const me = await as(h.app, h.cbp)({ url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      userId: h.cbp.viewer.userId,
      agency: 'CBP',
      country: 'US',
      role: 'analyst',
    });
    const agencies = await as(h.app, h.cbp)({ url: '/api/v1/agencies' });
    expect(
      agencies
        .json()
        .map((a: { code: string }) => a.code)
        .sort(),
    ).toEqual(['CBP', 'FGR', 'RCMP']);
  });

  it("lets an admin manage their own agency's users and tokens only", async () => {
    const admin = as(h.app, h.fgrAdmin);
    const added = await admin({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'María Guadalupe Ramírez', role: 'liaison', email: 'mg@fgr.example' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const user = added.json();
    expect(user).toMatchObject({ agency: 'FGR', role: 'liaison', disabled: false });

    const users = await admin({ url: '/api/v1/users' });
    expect(users.json().map((u: { id: string }) => u.id)).toContain(user.id);
    expect(users.json().every((u: { agency: string }) => u.agency === 'FGR')).toBe(true);

    expectProblem(await as(h.app, h.fgr)({ url: '/api/v1/users' }), 403, 'forbidden');
    const elsewhere = await admin({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'X', role: 'analyst', agency: 'CBP' },
    });
    expectProblem(elsewhere, 403, 'forbidden');
    expectProblem(
      await admin({ method: 'POST', url: '/api/v1/users', payload: { name: 'X', role: 'boss' } }),
      422,
      'validation_failed',
    );

    const issued = await admin({
      method: 'POST',
      url: `/api/v1/users/${user.id}/tokens`,
      payload: { label: 'laptop', expiresInDays: 30 },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const token = issued.json();
    expect(token).toMatchObject({ userId: user.id, label: 'laptop', revokedAt: null });
    expect(token.token).toMatch(/^pnt_/);
    expect((await as(h.app, token.token)({ url: '/api/v1/me' })).json().userId).toBe(user.id);
    // Another agency's user is not found.
    expectProblem(
      await admin({ method: 'POST', url: `/api/v1/users/${h.cbp.viewer.userId}/tokens` }),
      404,
      'not_found',
    );

    const revoked = await admin({ method: 'POST', url: `/api/v1/tokens/${token.id}/revoke` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    // The list says when each was issued and revoked, and never holds a secret.
    const listed = await admin({ url: `/api/v1/users/${user.id}/tokens` });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual([
      expect.objectContaining({ id: token.id, label: 'laptop', revokedAt: expect.any(String) }),
    ]);
    expect(listed.body).not.toContain(token.token);
    expectProblem(
      await as(h.app, h.fgr)({ url: `/api/v1/users/${user.id}/tokens` }),
      403,
      'forbidden',
    );
    expectProblem(
      await admin({ url: `/api/v1/users/${h.cbp.viewer.userId}/tokens` }),
      404,
      'not_found',
    );
    const refused = await as(h.app, token.token)({ url: '/api/v1/me' });
    expectProblem(refused, 401, 'unauthenticated');
    expect(refused.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses missing, malformed, expired and revoked tokens, auditing each attempt', async () => {
    const expiring = await createToken(operator(h.db), {
      userId: h.cbp.viewer.userId,
      expiresInDays: 1,
    });
    await sql`UPDATE puente.api_token SET expires_at = now() - interval '1 minute' WHERE id = ${expiring.id}`.execute(
      h.db,
    );
    const revoked = await createToken(operator(h.db), { userId: h.cbp.viewer.userId });
    await as(h.app, revoked.token)({ method: 'POST', url: `/api/v1/tokens/${revoked.id}/revoke` });

    const attempts: [string, Record<string, string>][] = [
      ['no header', {}],
      ['not bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['garbage', { authorization: 'Bearer nonsense' }],
      ['expired', { authorization: `Bearer ${expiring.token}` }],
      ['revoked', { authorization: `Bearer ${revoked.token}` }],
    ];
    for (const [label, headers] of attempts) {
      const before = await auditTail(h.db);
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers,
        payload: { schema: 'Person' },
      });
      expectProblem(res, 401, 'unauthenticated');
      const after = await auditTail(h.db);
      expect(after.count, label).toBe(before.count + 1);
      expect(after.last).toMatchObject({
        action: 'auth.token',
        outcome: 'error:unauthenticated',
        user_id: null,
      });
    }
  });
});
