import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { startServer } from '../../src/http/server.js';
import { openTestDatabase } from '../support/database.js';
import { as, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const ROUTES: Record<string, string[]> = {
  '/healthz': ['get'],
  '/readyz': ['get'],
  '/metrics': ['get'],
  '/api/v1/records': ['get', 'post'],
  '/api/v1/search': ['get'],
  '/api/v1/records/facets': ['get'],
  '/api/v1/records/export': ['get'],
  '/api/v1/records/{id}': ['get', 'patch'],
  '/api/v1/records/{id}/versions': ['get'],
  '/api/v1/records/{id}/remark': ['post'],
  '/api/v1/records/{id}/retract': ['post'],
  '/api/v1/links': ['get', 'post'],
  '/api/v1/links/{id}': ['get', 'patch'],
  '/api/v1/links/{id}/versions': ['get'],
  '/api/v1/links/{id}/remark': ['post'],
  '/api/v1/links/{id}/retract': ['post'],
  '/api/v1/entities': ['get'],
  '/api/v1/entities/review': ['get'],
  '/api/v1/entities/{id}': ['get'],
  '/api/v1/entities/{id}/split': ['post'],
  '/api/v1/entities/merge': ['post'],
  '/api/v1/match/explain': ['get'],
  '/api/v1/match/decisions': ['post'],
  '/api/v1/traces': ['get', 'post'],
  '/api/v1/traces/run': ['post'],
  '/api/v1/traces/stats': ['get'],
  '/api/v1/traces/stats.csv': ['get'],
  '/api/v1/traces/{id}': ['get'],
  '/api/v1/traces/{id}/answer': ['post'],
  '/api/v1/network/around/{entity}': ['get'],
  '/api/v1/network/path': ['get'],
  '/api/v1/network/communities': ['get'],
  '/api/v1/network/key-players': ['get'],
  '/api/v1/network/disrupt': ['get'],
  '/api/v1/network/growth': ['get'],
  '/api/v1/network/structure': ['get'],
  '/api/v1/network/export': ['get'],
  '/api/v1/meetings': ['get', 'post'],
  '/api/v1/meetings/{id}': ['get'],
  '/api/v1/commitments': ['get', 'post'],
  '/api/v1/commitments.csv': ['get'],
  '/api/v1/commitments/report': ['get'],
  '/api/v1/commitments/{id}': ['get'],
  '/api/v1/commitments/{id}/updates': ['post'],
  '/api/v1/readouts/propose': ['post'],
  '/api/v1/readouts': ['post'],
  '/api/v1/dashboard': ['get'],
  '/api/v1/indicators': ['get'],
  '/api/v1/indicators/{name}': ['get'],
  '/api/v1/agencies': ['get'],
  '/api/v1/me': ['get'],
  '/api/v1/users': ['get', 'post'],
  '/api/v1/users/{id}/tokens': ['get', 'post'],
  '/api/v1/tokens/{id}/revoke': ['post'],
  '/api/v1/audit': ['get'],
  '/api/v1/imports': ['get', 'post'],
  '/api/v1/imports/{id}': ['get'],
  '/api/v1/imports/{id}/rejects': ['get'],
  '/api/v1/session': ['get', 'post', 'delete'],
};

/** Every "$ref" in a document, wherever it is. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) =>
      k === '$ref' && typeof v === 'string' ? [v] : refs(v),
    );
  }
  return [];
}

describe('operations', () => {
  it('answers health and readiness', async () => {
    expect((await h.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });

  it('is not ready when the database is gone', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ db: database.db });
    await database.close();
    expectProblem(await app.inject({ url: '/readyz' }), 503, 'not_ready');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });

  it('exposes Prometheus metrics by route template and status', async () => {
    await as(h.app, h.fgr)({ url: '/api/v1/me' });
    await as(h.app, h.fgr)({ url: '/api/v1/records/0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f' });
    const res = await h.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} 1$/m,
    );
    expect(res.body).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/v1\/records\/:id",status="404"\} 1$/m,
    );
    expect(res.body).toMatch(
      /^http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/me",status="200"\}/m,
    );
    expect(res.body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(res.body).toMatch(/^nodejs_heap_size_total_bytes /m);
    // Raw URLs never become labels: one series per route, not per record.
    expect(res.body).not.toContain('0190b8a2');
  });

  it('publishes an OpenAPI 3.1 document of every route, without a token', async () => {
    const res = await h.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [path, methods] of Object.entries(ROUTES)) {
      expect(
        Object.keys(doc.paths[path])
          .filter((k) => k !== 'parameters')
          .sort(),
        path,
      ).toEqual([...methods].sort());
      for (const method of methods) {
        const op = doc.paths[path][method];
        expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(op.summary, `${method} ${path}`).toEqual(expect.any(String));
        const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
        expect(success, `${method} ${path}`).toHaveLength(1);
        if (path.startsWith('/api/v1/')) {
          expect(op.responses['401'].content['application/problem+json'].schema.$ref).toBe(
            '#/components/schemas/Problem',
          );
          expect(op.responses['422']).toBeDefined();
          expect(
            op.parameters.some(
              (p: { in: string; name: string }) =>
                p.in === 'header' && p.name === 'x-puente-purpose',
            ),
          ).toBe(true);
        } else {
          expect(op.security).toEqual([]);
        }
      }
    }
    expect(
      doc.paths['/api/v1/records'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['schema', 'properties', 'marking']));
    expect(doc.paths['/api/v1/records/{id}'].get.responses['404']).toBeDefined();
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').at(-1)!], ref).toBeDefined();
    }
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual([
      'records',
      'links',
      'entities',
      'identity',
      'users',
      'audit',
      'imports',
      'session',
      'operations',
    ]);
  });

  it('serves interactive docs from local files only', async () => {
    const page = await h.app.inject({ url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const scripts = [...page.body.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).not.toMatch(/^https?:/);
      expect(
        (await h.app.inject({ url: new URL(src, 'http://x/docs/').pathname })).statusCode,
        src,
      ).toBe(200);
    }
    const init = await h.app.inject({ url: '/docs/static/swagger-initializer.js' });
    expect(init.body).toContain('validatorUrl: null');
    expect((await h.app.inject({ url: '/docs/json' })).json().openapi).toBe('3.1.0');
  });

  it('listens on a real port, and tells clients not to cache', async () => {
    const server = await startServer({ db: h.db, host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const me = await fetch(`${server.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${h.fgr.token}`, 'x-puente-purpose': 'verificación' },
      });
      expect(me.status).toBe(200);
      expect(me.headers.get('cache-control')).toBe('no-store');
      expect((await me.json()).agency).toBe('FGR');
    } finally {
      await server.close();
    }
  });
});
