import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, expectProblem, openHarness, storedVersions, type Harness } from '../http/harness.js';
import type { TestUser } from '../support/factories.js';
import { ndjson } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

interface Part {
  name: string;
  content: string;
  filename?: string;
}

function multipart(parts: Part[]) {
  const boundary = 'puente-test-boundary';
  const body = parts
    .map((p) => {
      const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
      return `--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${p.content}\r\n`;
    })
    .join('');
  return {
    payload: Buffer.from(`${body}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(who: TestUser, parts: Part[]) {
  return as(h.app, who)({ method: 'POST', url: '/api/v1/imports', ...multipart(parts) });
}

/** Polls the job until it ends, as a client would. */
async function settled(app: FastifyInstance, who: TestUser, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await as(
      app,
      who,
    )({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { 'accept-language': 'es' } });
    const job = res.json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

const PEOPLE = ndjson(
  { id: 'P-1', schema: 'Person', properties: { name: ['Lupe Ortiz'], nationality: ['MX'] } },
  { id: 'P-2', schema: 'Person', properties: { name: ['Chema Salas'] } },
  { id: 'L-1', type: 'associate_of', source: 'P-1', target: 'P-2' },
);

describe('POST /api/v1/imports', () => {
  it('imports an uploaded file in the background and reports the job', async () => {
    const res = await upload(h.fgr, [
      { name: 'marking', content: 'GREEN' },
      { name: 'file', filename: 'personas.ndjson', content: PEOPLE },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    expect(res.headers.location).toBe(`/api/v1/imports/${job.id}`);
    expect(job).toMatchObject({
      agency: 'FGR',
      fileName: 'personas.ndjson',
      options: { marking: 'GREEN' },
    });
    const done = await settled(h.app, h.fgr, job.id);
    expect(done).toMatchObject({
      status: 'completed',
      summary: { rows: 3, records: { written: 2 }, links: { written: 1 }, rejected: 0 },
    });
    const search = await as(h.app, h.cbp)({ method: 'GET', url: '/api/v1/search?q=ortiz' });
    expect(search.json().items.map((r: { caption: string }) => r.caption)).toEqual(['Lupe Ortiz']);
    // Jobs belong to their agency: another agency's users cannot even tell one exists.
    expectProblem(
      await as(h.app, h.cbp)({ method: 'GET', url: `/api/v1/imports/${job.id}` }),
      404,
      'not_found',
    );
    const list = await as(h.app, h.fgrSupervisor)({ method: 'GET', url: '/api/v1/imports' });
    expect(list.json().items.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('fails the job, writing nothing, and says why in the reader’s language', async () => {
    const before = await storedVersions(h.db);
    const bad = PEOPLE.replace('"MX"', '"Mexico"');
    const res = await upload(h.fgr, [{ name: 'file', filename: 'malo.ndjson', content: bad }]);
    const done = await settled(h.app, h.fgr, res.json().id);
    expect(done).toMatchObject({
      status: 'failed',
      problem: { code: 'invalid_file', params: { problem: 'invalid_row', line: 1 } },
    });
    expect(done.message).toContain('Línea 1, columna properties.nationality');
    expect(await storedVersions(h.db)).toBe(before);
  });

  it('keeps the rejected rows with the job when bad rows may be skipped', async () => {
    // Fresh ids: the link's end must not exist from an earlier test.
    const some = PEOPLE.replaceAll('P-', 'Q-').replace(
      '{"id":"Q-2","schema":"Person"',
      '{"id":"Q-2","schema":"Persona"',
    );
    const res = await upload(h.fgr, [
      { name: 'skipInvalid', content: 'true' },
      { name: 'file', filename: 'algunos.ndjson', content: some },
    ]);
    const done = await settled(h.app, h.fgr, res.json().id);
    expect(done.summary).toMatchObject({ rejected: 2 });
    const rejects = await as(
      h.app,
      h.fgr,
    )({ method: 'GET', url: `/api/v1/imports/${done.id}/rejects` });
    expect(rejects.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = rejects.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l: { line: number }) => l.line)).toEqual([2, 3]);
  });

  it('refuses a bad upload at once', async () => {
    expectProblem(
      await as(h.app, h.fgr)({ method: 'POST', url: '/api/v1/imports', payload: { a: 1 } }),
      400,
      'bad_request',
    );
    expectProblem(
      await upload(h.fgr, [{ name: 'marking', content: 'GREEN' }]),
      422,
      'validation_failed',
    );
    const mapping = await upload(h.fgr, [
      {
        name: 'mapping',
        content: 'records: [{ key: x, schema: Persona, id: "{A}", properties: {} }]',
      },
      { name: 'file', filename: 'x.csv', content: 'A\n1\n' },
    ]);
    expect(expectProblem(mapping, 422, 'invalid_file').detail).toContain('records.0.schema');
  });
});
