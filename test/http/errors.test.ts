import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { TestUser } from '../support/factories.js';
import {
  as,
  auditTail,
  expectProblem,
  openHarness,
  storedVersions,
  type Harness,
} from './harness.js';

let h: Harness;
let recordId: string;
beforeAll(async () => {
  h = await openHarness();
  const res = await as(
    h.app,
    h.fgr,
  )({
    method: 'POST',
    url: '/api/v1/records',
    payload: { schema: 'Person', properties: { name: ['Lalo Original'] }, marking: 'TLP:GREEN' },
  });
  recordId = res.json().id;
});
afterAll(() => h.close());

const record = (changes: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: '/api/v1/records',
  payload: { schema: 'Person', properties: { name: ['Nadie'] }, marking: 'TLP:GREEN', ...changes },
});

interface Case {
  name: string;
  who?: (h: Harness) => TestUser;
  request: () => InjectOptions;
  status: number;
  code: string;
  /** The audit action: the service's own, or http.rejected when refused before any service. */
  action: string;
  /** The first per-field error, when the problem lists them. */
  error?: { code: string; field?: string };
}

const cases: Case[] = [
  {
    name: 'unknown schema',
    request: () => record({ schema: 'Nope', properties: {} }),
    status: 422,
    code: 'validation_failed',
    action: 'record.create',
    error: { code: 'unknown_schema', field: 'schema' },
  },
  {
    name: 'unknown property',
    request: () => record({ properties: { nmae: ['x'] } }),
    status: 422,
    code: 'validation_failed',
    action: 'record.create',
    error: { code: 'unknown_property', field: 'properties.nmae' },
  },
  {
    name: 'wrong types in the body',
    request: () => record({ properties: { name: 42 }, marking: 7 }),
    status: 422,
    code: 'validation_failed',
    action: 'http.rejected',
    error: { code: 'wrong_type', field: 'properties.name' },
  },
  {
    name: 'wrong type in the query',
    request: () => ({ url: '/api/v1/records?limit=many' }),
    status: 422,
    code: 'validation_failed',
    action: 'http.rejected',
    error: { code: 'wrong_type', field: 'limit' },
  },
  {
    name: 'unknown field',
    request: () => record({ colour: 'red' }),
    status: 422,
    code: 'validation_failed',
    action: 'http.rejected',
    error: { code: 'unknown_field', field: 'colour' },
  },
  {
    name: 'impossible date',
    request: () => record({ properties: { name: ['x'], birthDate: ['2024-02-30'] } }),
    status: 422,
    code: 'validation_failed',
    action: 'record.create',
    error: { code: 'invalid_date', field: 'properties.birthDate' },
  },
  {
    name: 'impossible date in the query',
    request: () => ({ url: '/api/v1/records?dateFrom=2024-02-30' }),
    status: 422,
    code: 'validation_failed',
    action: 'http.rejected',
    error: { code: 'invalid_format', field: 'dateFrom' },
  },
  {
    name: 'unknown country',
    request: () => record({ marking: 'TLP:AMBER', relCountries: ['MX', 'ZZ'] }),
    status: 422,
    code: 'validation_failed',
    action: 'record.create',
    error: { code: 'invalid_value', field: 'relCountries' },
  },
  {
    name: 'unknown agency in relAgencies',
    request: () => record({ marking: 'TLP:AMBER', relAgencies: ['NOPE'] }),
    status: 422,
    code: 'validation_failed',
    action: 'record.create',
    error: { code: 'unknown_agency', field: 'relAgencies' },
  },
  {
    name: 'unparseable marking',
    request: () => record({ marking: 'TLP:PINK' }),
    status: 422,
    code: 'validation_failed',
    action: 'record.create',
    error: { code: 'invalid_marking', field: 'marking' },
  },
  {
    name: 'purpose too long',
    request: () => ({ url: '/api/v1/records', headers: { 'x-puente-purpose': 'x'.repeat(501) } }),
    status: 422,
    code: 'validation_failed',
    action: 'http.rejected',
    error: { code: 'too_long', field: 'x-puente-purpose' },
  },
  {
    name: 'oversized body',
    request: () => record({ properties: { name: ['x'], notes: ['n'.repeat(1024 * 1024 + 10)] } }),
    status: 413,
    code: 'payload_too_large',
    action: 'http.rejected',
  },
  {
    name: 'malformed JSON',
    request: () => ({
      method: 'POST',
      url: '/api/v1/records',
      headers: { 'content-type': 'application/json' },
      payload: '{"schema": "Person",',
    }),
    status: 400,
    code: 'bad_request',
    action: 'http.rejected',
  },
  {
    name: 'not JSON',
    request: () => ({
      method: 'POST',
      url: '/api/v1/records',
      headers: { 'content-type': 'text/plain' },
      payload: 'schema=Person',
    }),
    status: 415,
    code: 'unsupported_media_type',
    action: 'http.rejected',
  },
  {
    name: 'unknown route',
    request: () => ({ url: '/api/v1/nothing-here' }),
    status: 404,
    code: 'not_found',
    action: 'http.rejected',
  },
  {
    name: 'malformed id',
    request: () => ({ method: 'PATCH', url: '/api/v1/records/123', payload: { properties: {} } }),
    status: 404,
    code: 'not_found',
    action: 'http.rejected',
  },
  {
    name: 'retraction by another agency',
    who: (h) => h.cbp,
    request: () => ({
      method: 'POST',
      url: `/api/v1/records/${recordId}/retract`,
      payload: { reason: 'mine now' },
    }),
    status: 403,
    code: 'not_originator',
    action: 'record.retract',
  },
  {
    name: 'update by another agency',
    who: (h) => h.cbp,
    request: () => ({
      method: 'PATCH',
      url: `/api/v1/records/${recordId}`,
      payload: { properties: { name: ['Otro'] } },
    }),
    status: 403,
    code: 'not_originator',
    action: 'record.update',
  },
  {
    name: 'stale version',
    request: () => ({
      method: 'POST',
      url: `/api/v1/records/${recordId}/remark`,
      payload: { marking: 'TLP:CLEAR', expectedVersion: 9 },
    }),
    status: 409,
    code: 'conflict',
    action: 'record.remark',
  },
  {
    name: 'analyst adding a user',
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'X', role: 'analyst' },
    }),
    status: 403,
    code: 'forbidden',
    action: 'user.add',
  },
  {
    name: 'user for another agency',
    who: (h) => h.fgrAdmin,
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'X', role: 'analyst', agency: 'RCMP' },
    }),
    status: 403,
    code: 'forbidden',
    action: 'user.add',
  },
];

describe('refused requests', () => {
  it.each(cases)('$name → $status $code, audited once, nothing stored', async (c) => {
    const who = c.who?.(h) ?? h.fgr;
    const [auditBefore, versionsBefore] = [await auditTail(h.db), await storedVersions(h.db)];
    const res = await as(h.app, who)(c.request());
    const problem = expectProblem(res, c.status, c.code);
    if (c.error) expect(problem.errors?.[0]).toMatchObject(c.error);
    const auditAfter = await auditTail(h.db);
    expect(auditAfter.count).toBe(auditBefore.count + 1);
    expect(auditAfter.last).toMatchObject({
      action: c.action,
      outcome: `error:${c.code}`,
      user_id: who.viewer.userId,
      agency: who.viewer.agency,
    });
    expect(await storedVersions(h.db)).toBe(versionsBefore);
  });

  it('leaves the record as its originator made it', async () => {
    const res = await as(h.app, h.fgr)({ url: `/api/v1/records/${recordId}` });
    expect(res.json()).toMatchObject({
      version: 1,
      retracted: false,
      caption: 'Lalo Original',
      marking: 'TLP:GREEN',
    });
  });

  it('answers in Spanish or French when asked', async () => {
    const es = await as(
      h.app,
      h.fgr,
    )({
      ...record({ schema: 'Person', properties: { name: 5 } }),
      headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' },
    });
    const problem = expectProblem(es, 422, 'validation_failed');
    expect(es.headers['content-language']).toBe('es');
    expect(problem.title).toBe('Datos no válidos');
    expect(problem.detail).toMatch(/^Algunos valores no son válidos/);
    expect(problem.errors).toEqual([
      { code: 'wrong_type', field: 'properties.name', value: '5', expected: 'texto o una lista' },
    ]);

    const missing = await as(
      h.app,
      h.rcmp,
    )({ url: `/api/v1/records/${recordId}x`, headers: { 'accept-language': 'es-MX' } });
    expect(expectProblem(missing, 404, 'not_found').detail).toBe(
      `No se encontró registro ${recordId}x: no existe o no se ha compartido con usted.`,
    );

    const fr = await h.app.inject({ url: '/api/v1/me', headers: { 'accept-language': 'fr-CA' } });
    expect(expectProblem(fr, 401, 'unauthenticated').title).toBe('Non connecté');
  });

  it('hides unexpected errors behind a reference, and audits them', async () => {
    const app = await buildApp({ db: h.db });
    app.get('/api/v1/explode', async () => {
      throw new Error('connection string postgres://secret@db');
    });
    const before = await auditTail(h.db);
    const res = await app.inject({ url: '/api/v1/explode', headers: { 'accept-language': 'en' } });
    const problem = expectProblem(res, 500, 'internal');
    expect(problem.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(problem.detail).toContain(problem.reference);
    expect(res.body).not.toContain('secret');
    const after = await auditTail(h.db);
    expect(after.count).toBe(before.count + 1);
    expect(after.last).toMatchObject({ action: 'http.rejected', outcome: 'error:internal' });
    await app.close();
  });

  it('takes its body limit from the options', async () => {
    const app = await buildApp({ db: h.db, bodyLimit: 1024 });
    const res = await as(app, h.fgr)(record({ properties: { name: ['x'.repeat(2000)] } }));
    expect(expectProblem(res, 413, 'payload_too_large').detail).toContain('1024');
    await app.close();
  });
});
