import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { as, expectProblem } from './harness.js';

// The built web app is served on the API's origin; page paths fall back to index.html, the API
// and missing assets keep their 404 problems.

let database: TestDatabase;
let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'puente-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp({ db: database.db, webRoot: root });
});

afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('answers index.html for the root and any page path, revalidated, under a strict CSP', async () => {
    for (const url of [
      '/',
      '/search?q=garc%C3%ADa',
      '/records/0190d6b2-0000-7000-8000-000000000000',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<title>app</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self';/);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('caches hashed assets for good, and a missing asset is a 404', async () => {
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectProblem(await app.inject({ url: '/assets/gone.js' }), 404, 'not_found');
  });

  it('keeps API answers and their 404s as problem documents', async () => {
    expectProblem(await as(app, 'pnt_x')({ url: '/api/v1/nope' }), 401, 'unauthenticated');
    expectProblem(await app.inject({ method: 'POST', url: '/somewhere' }), 404, 'not_found');
    const doc = await app.inject({ url: '/api/v1/openapi.json' });
    expect(doc.headers['content-type']).toMatch(/json/);
  });

  it('is the API alone when there is no build', async () => {
    const bare = await buildApp({ db: database.db, webRoot: join(root, 'missing') });
    expectProblem(await bare.inject({ url: '/search' }), 404, 'not_found');
    await bare.close();
  });
});
