import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';
import { ENTITY_FIXTURES, green } from '../support/entity-fixtures.js';

// Entities are assembled from what each viewer may see. Records arrive through the API and are
// matched on arrival with the prior model (no `puente resolve` here: see test/cli/resolve.test.ts).
//
//   A  FGR  "José Luis García Hernández" 1970-05-02  TLP:AMBER REL TO MX, US (RCMP cannot see it)
//   B  CBP  "GARCIA HERNANDEZ, JOSE L."  1970-05-02  TLP:GREEN
//   C  FGR  "José García"                1985-11-20  TLP:GREEN (another man)
//   X  FGR  Logística Fronteriza del Norte (MX)      TLP:AMBER REL TO MX, US
//   Y  CBP  Logistica Fronteriza Norte Express (US)  TLP:GREEN
//   W  CBP  Logistica Fronteriza Norte Cargo (US)    TLP:GREEN
// The review test sets the companies' pair scores itself, so that it does not depend on the model.

let h: Harness;
const ids: Record<'A' | 'B' | 'C' | 'X' | 'Y' | 'W' | 'seizure', string> = {} as never;

type Ask = ReturnType<typeof as>;
let fgr: Ask;
let cbp: Ask;
let rcmp: Ask;

async function contribute(who: Ask, payload: object): Promise<string> {
  const res = await who({ method: 'POST', url: '/api/v1/records', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  h = await openHarness();
  fgr = as(h.app, h.fgr);
  cbp = as(h.app, h.cbp);
  rcmp = as(h.app, h.rcmp);
  for (const f of ENTITY_FIXTURES)
    ids[f.key] = await contribute(f.by === 'fgr' ? fgr : cbp, f.payload);
  ids.W = await contribute(cbp, {
    schema: 'Company',
    properties: { name: ['Logistica Fronteriza Norte Cargo LLC'], jurisdiction: ['US'] },
    ...green,
  });
  ids.seizure = await contribute(fgr, {
    schema: 'Seizure',
    properties: { date: ['2025-05-02'], portOfEntry: ['Nogales'], drug: ['fentanyl pills'] },
    ...green,
  });
});
afterAll(() => h.close());

interface Entity {
  id: string;
  kind: string;
  caption: string;
  records: { id: string; agency: string; marking: string; relCountries: string[] }[];
  pairs: { a: string; b: string; probability: number; weight: number }[];
  decisions: { a: string; b: string; verdict: string }[];
  truncated: boolean;
}

async function entityOf(who: Ask, id: string): Promise<Entity> {
  const res = await who({ url: `/api/v1/entities/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Entity;
}

const members = (e: Entity) => e.records.map((r) => r.id).sort();
const pair = (x: string, y: string) => (x < y ? { a: x, b: y } : { a: y, b: x });

/** A 404 as it would read for any id: the id itself replaced wherever it appears. */
function anonymous(res: LightMyRequestResponse, id: string) {
  expectProblem(res, 404, 'not_found');
  return JSON.parse(res.body.replaceAll(id, 'ID')) as Record<string, unknown>;
}

describe('entities over HTTP', () => {
  it('shows the records of one person side by side, with their agencies and markings', async () => {
    const entity = await entityOf(fgr, ids.B);
    expect(entity).toMatchObject({
      id: ids.A, // the oldest record the viewer may see
      kind: 'person',
      caption: 'José Luis García Hernández',
      decisions: [],
      truncated: false,
    });
    expect(entity.records).toEqual([
      expect.objectContaining({
        id: ids.A,
        agency: 'FGR',
        marking: 'TLP:AMBER',
        relCountries: ['MX', 'US'],
        sourceRef: 'FGR-PER-001',
        properties: expect.objectContaining({ birthDate: ['1970-05-02'] }),
      }),
      expect.objectContaining({ id: ids.B, agency: 'CBP', marking: 'TLP:GREEN' }),
    ]);
    expect(entity.pairs).toEqual([
      { ...pair(ids.A, ids.B), probability: expect.any(Number), weight: expect.any(Number) },
    ]);
    expect(entity.pairs[0]!.probability).toBeGreaterThanOrEqual(0.8);
    // Any member finds it; CBP, to whom A is releasable, sees the same entity.
    expect(await entityOf(fgr, ids.A)).toEqual(entity);
    expect(members(await entityOf(cbp, ids.A))).toEqual([ids.A, ids.B].sort());
    // Another José García, born fifteen years later, is someone else.
    expect(await entityOf(fgr, ids.C)).toMatchObject({ id: ids.C, records: [{ id: ids.C }] });
  });

  it('explains a match feature by feature', async () => {
    const res = await fgr({ url: `/api/v1/match/explain?a=${ids.A}&b=${ids.B}` });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      a: ids.A,
      b: ids.B,
      kind: 'person',
      conflict: null,
      decision: null,
      sameEntity: true,
      matchProbability: 0.8,
    });
    expect(e.probability).toBeGreaterThanOrEqual(0.8);
    expect(e.features.map((f: { feature: string }) => f.feature)).toEqual([
      'given',
      'surname',
      'birthDate',
    ]);
    const [given, surname, birthDate] = e.features;
    expect(given).toMatchObject({ level: 'alias', frequencyAdjustment: 0 });
    expect(birthDate).toMatchObject({
      level: 'exact',
      m: expect.any(Number),
      u: expect.any(Number),
    });
    expect(birthDate.weight).toBeCloseTo(Math.log2(birthDate.m / birthDate.u), 6);
    // The name value behind a frequency adjustment is part of the answer.
    expect(surname).toMatchObject({
      level: 'both',
      value: 'garcia|hernandez',
      frequency: expect.any(Number),
    });
    const total = e.features.reduce(
      (s: number, f: { weight: number; frequencyAdjustment: number }) =>
        s + f.weight + f.frequencyAdjustment,
      0,
    );
    expect(e.weight).toBeCloseTo(total, 6);
    expect(e.probability).toBeCloseTo(1 / (1 + 2 ** -(e.weight + e.priorWeight)), 9);

    // The other José García: conflicting birth dates rule him out whatever the names say.
    const other = (await fgr({ url: `/api/v1/match/explain?a=${ids.A}&b=${ids.C}` })).json();
    expect(other).toMatchObject({ conflict: 'birthDate', sameEntity: false });
    expect(
      other.features.find((f: { feature: string }) => f.feature === 'birthDate'),
    ).toMatchObject({ level: 'conflict' });
  });

  it('makes an entity only of what the viewer may see', async () => {
    // RCMP (Canada) may not see A: its entity of B is B alone, as if A did not exist.
    const entity = await entityOf(rcmp, ids.B);
    expect(entity).toMatchObject({ id: ids.B, caption: 'GARCIA HERNANDEZ, JOSE L.', pairs: [] });
    expect(members(entity)).toEqual([ids.B]);
    expect(JSON.stringify(entity)).not.toContain(ids.A);

    // A itself, and any explanation naming it, answer exactly like an id that does not exist.
    const unknown = newId();
    expect(anonymous(await rcmp({ url: `/api/v1/entities/${ids.A}` }), ids.A)).toEqual(
      anonymous(await rcmp({ url: `/api/v1/entities/${unknown}` }), unknown),
    );
    for (const [x, y] of [
      [ids.A, ids.B],
      [ids.B, ids.A],
    ] as const) {
      const hidden = await rcmp({ url: `/api/v1/match/explain?a=${x}&b=${y}` });
      const missing = await rcmp({
        url: `/api/v1/match/explain?a=${x === ids.A ? unknown : x}&b=${y === ids.A ? unknown : y}`,
      });
      expect(anonymous(hidden, ids.A)).toEqual(anonymous(missing, unknown));
    }
    // Nor can a decision name it.
    const judged = await rcmp({
      method: 'POST',
      url: '/api/v1/match/decisions',
      payload: { a: ids.A, b: ids.B, verdict: 'different' },
    });
    expectProblem(judged, 404, 'not_found');

    // Search finds B's entity for RCMP, without A.
    const found = (await rcmp({ url: '/api/v1/entities?q=Jose%20Garcia%20Hernandez' })).json();
    expect(found.items).toContainEqual(expect.objectContaining({ id: ids.B, records: 1 }));
    expect(JSON.stringify(found)).not.toContain(ids.A);
  });

  it('finds entities by name, allowing nicknames and missing accents', async () => {
    const res = await fgr({ url: `/api/v1/entities?q=${encodeURIComponent('Pepe Garcia')}` });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json();
    expect(items).toContainEqual({
      id: ids.A,
      kind: 'person',
      caption: 'José Luis García Hernández',
      records: 2,
      score: expect.any(Number),
      matchedRecord: expect.stringMatching(new RegExp(`^(${ids.A}|${ids.B})$`)),
      // The marking of the entity's record, so a list can mark each hit without a second call.
      marking: expect.stringMatching(/^TLP:/),
      relCountries: expect.any(Array),
      relAgencies: expect.any(Array),
      recipientAgencies: expect.any(Array),
      recipientUsers: expect.any(Array),
    });
    // Each entity once, however many of its records answer.
    expect(items.filter((i: { id: string }) => i.id === ids.A)).toHaveLength(1);
    for (const item of items) expect(item.score).toBeGreaterThan(0);

    const organizations = await fgr({
      url: '/api/v1/entities?q=logistica%20fronteriza&kind=organization',
    });
    expect(organizations.statusCode, organizations.body).toBe(200);
    const kinds = organizations.json().items.map((i: { kind: string }) => i.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['organization']));
    const people = await fgr({ url: '/api/v1/entities?q=logistica%20fronteriza&kind=person' });
    expect(people.json().items).toEqual([]);
    expect(
      (await fgr({ url: '/api/v1/entities?q=jose%20garcia&limit=1' })).json().items.length,
    ).toBe(1);
  });

  it('lists uncertain pairs for review, a page at a time, among what the viewer sees', async () => {
    // The queue as the resolver leaves it, whatever the model in force makes of these names:
    // three uncertain pairs among the companies, nothing else uncertain.
    const uncertain = [
      { ...pair(ids.X, ids.Y), probability: 0.35, weight: 3.5 },
      { ...pair(ids.Y, ids.W), probability: 0.45, weight: 4.5 },
      { ...pair(ids.X, ids.W), probability: 0.55, weight: 5.5 },
    ];
    await sql`DELETE FROM puente.match_edge WHERE probability >= 0.2 AND probability < 0.8`.execute(
      h.db,
    );
    for (const e of uncertain)
      await sql`INSERT INTO puente.match_edge (a, b, weight, probability)
        VALUES (${e.a}, ${e.b}, ${e.weight}, ${e.probability})
        ON CONFLICT (a, b) DO UPDATE SET weight = excluded.weight, probability = excluded.probability`.execute(
        h.db,
      );
    const ends = (page: { items: { a: { id: string }; b: { id: string } }[] }) =>
      page.items.map((p) => ({ a: p.a.id, b: p.b.id }));

    // Least certain first, two to a page.
    const first = await fgr({ url: '/api/v1/entities/review?limit=2' });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(ends(page)).toEqual([pair(ids.X, ids.Y), pair(ids.Y, ids.W)]);
    expect(page.nextCursor).toEqual(expect.any(String));
    const [xy] = page.items;
    const side = (id: string) => (xy.a.id === id ? xy.a : xy.b);
    expect(side(ids.X)).toEqual({
      id: ids.X,
      caption: 'Logística Fronteriza del Norte S.A. de C.V.',
      agency: 'FGR',
      schema: 'Company',
      marking: expect.stringMatching(/^TLP:/),
      relCountries: expect.any(Array),
      relAgencies: expect.any(Array),
      recipientAgencies: expect.any(Array),
      recipientUsers: expect.any(Array),
    });
    expect(side(ids.Y)).toMatchObject({ agency: 'CBP', schema: 'Company' });
    expect(xy.probability).toBeCloseTo(0.35, 6);
    expect(xy.weight).toBeCloseTo(3.5, 6);
    const second = (
      await fgr({ url: `/api/v1/entities/review?limit=2&cursor=${page.nextCursor}` })
    ).json();
    expect(second).toMatchObject({ nextCursor: null });
    expect(ends(second)).toEqual([pair(ids.X, ids.W)]);

    // RCMP cannot see X: only the pair of CBP's two companies is there for it.
    expect(ends((await rcmp({ url: '/api/v1/entities/review' })).json())).toEqual([
      pair(ids.Y, ids.W),
    ]);

    // A judged pair leaves the queue, even when the judgement is "unsure".
    const unsure = await fgr({
      method: 'POST',
      url: '/api/v1/match/decisions',
      payload: { a: ids.Y, b: ids.X, verdict: 'unsure', note: 'ask CBP for the EIN' },
    });
    expect(unsure.statusCode, unsure.body).toBe(200);
    expect(unsure.json()).toEqual([{ ...pair(ids.X, ids.Y), verdict: 'unsure' }]);
    expect(ends((await fgr({ url: '/api/v1/entities/review' })).json())).toEqual([
      pair(ids.Y, ids.W),
      pair(ids.X, ids.W),
    ]);

    expectProblem(
      await fgr({ url: '/api/v1/entities/review?cursor=nonsense' }),
      422,
      'validation_failed',
    );
  });

  it('records decisions in the audit log, and entities follow them at once', async () => {
    const different = await fgr({
      method: 'POST',
      url: '/api/v1/match/decisions',
      headers: { 'x-puente-purpose': 'FGR/2025/017' },
      payload: { a: ids.B, b: ids.A, verdict: 'different', note: 'CBP record is the father' },
    });
    expect(different.statusCode, different.body).toBe(200);
    expect(different.json()).toEqual([{ ...pair(ids.A, ids.B), verdict: 'different' }]);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'entity.judge',
      outcome: 'ok',
      user_id: h.fgr.viewer.userId,
      agency: 'FGR',
      purpose: 'FGR/2025/017',
      query: { a: ids.B, b: ids.A, verdict: 'different' },
    });
    const { rows } = await sql<{ verdict: string; note: string; agency: string }>`
      SELECT verdict, note, agency FROM puente.match_decision
      WHERE a = ${pair(ids.A, ids.B).a} AND b = ${pair(ids.A, ids.B).b}`.execute(h.db);
    expect(rows).toEqual([
      { verdict: 'different', note: 'CBP record is the father', agency: 'FGR' },
    ]);

    // The next read already shows two people, for every viewer.
    expect(members(await entityOf(fgr, ids.A))).toEqual([ids.A]);
    expect(members(await entityOf(cbp, ids.B))).toEqual([ids.B]);
    const explained = (await fgr({ url: `/api/v1/match/explain?a=${ids.A}&b=${ids.B}` })).json();
    expect(explained).toMatchObject({ decision: 'different', sameEntity: false });

    // Merging brings them back together; the decision shows on the entity.
    const merged = await cbp({
      method: 'POST',
      url: '/api/v1/entities/merge',
      payload: { a: ids.A, b: ids.B, note: 'same passport photo' },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toEqual([{ ...pair(ids.A, ids.B), verdict: 'same' }]);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'entity.merge',
      outcome: 'ok',
      agency: 'CBP',
    });
    const together = await entityOf(fgr, ids.B);
    expect(members(together)).toEqual([ids.A, ids.B].sort());
    expect(together.decisions).toEqual([{ ...pair(ids.A, ids.B), verdict: 'same' }]);

    // Splitting B off the entity judges it different from every record that stays.
    const split = await fgr({
      method: 'POST',
      url: `/api/v1/entities/${ids.A}/split`,
      payload: { records: [ids.B] },
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json()).toEqual([{ ...pair(ids.A, ids.B), verdict: 'different' }]);
    expect((await auditTail(h.db)).last).toMatchObject({ action: 'entity.split', outcome: 'ok' });
    expect(members(await entityOf(fgr, ids.A))).toEqual([ids.A]);
  });

  it('refuses bad input with problem documents', async () => {
    const post = (url: string, payload: object) => fgr({ method: 'POST', url, payload });
    const codes = (res: LightMyRequestResponse) =>
      expectProblem(res, 422, 'validation_failed').errors?.map((e) => [e.code, e.field]);

    expect(
      codes(await post('/api/v1/match/decisions', { a: ids.A, b: ids.B, verdict: 'maybe' })),
    ).toEqual([['not_allowed', 'verdict']]);
    // The same record twice, or a person and a company, cannot be compared.
    expect(
      codes(await post('/api/v1/match/decisions', { a: ids.A, b: ids.A, verdict: 'same' })),
    ).toEqual([['not_comparable', 'b']]);
    expect(codes(await post('/api/v1/entities/merge', { a: ids.A, b: ids.X }))).toEqual([
      ['not_comparable', 'b'],
    ]);
    expect(codes(await fgr({ url: `/api/v1/match/explain?a=${ids.B}&b=${ids.B}` }))).toEqual([
      ['not_comparable', 'b'],
    ]);
    // Malformed ids: in a query or body they are invalid input; in a path, not found.
    expect(codes(await fgr({ url: `/api/v1/match/explain?a=42&b=${ids.B}` }))).toEqual([
      ['invalid_format', 'a'],
    ]);
    expect(codes(await fgr({ url: `/api/v1/match/explain?a=${ids.A}` }))).toEqual([
      ['required', 'b'],
    ]);
    expect(
      codes(await post('/api/v1/entities/merge', { a: ids.A, b: 'not-a-uuid', extra: 1 })),
    ).toEqual([
      ['unknown_field', 'extra'],
      ['invalid_format', 'b'],
    ]);
    expectProblem(await fgr({ url: '/api/v1/entities/not-a-uuid' }), 404, 'not_found');
    expectProblem(
      await post('/api/v1/entities/not-a-uuid/split', { records: [ids.B] }),
      404,
      'not_found',
    );
    // A record that is not a person or organization has no entity.
    expectProblem(await fgr({ url: `/api/v1/entities/${ids.seizure}` }), 404, 'not_found');
    // The 404 names an entity, in the reader's language.
    const spanish = await fgr({
      url: `/api/v1/entities/${newId()}`,
      headers: { 'accept-language': 'es-MX' },
    });
    expect(expectProblem(spanish, 404, 'not_found').detail).toContain('entidad');

    // Search needs a name.
    expect(codes(await fgr({ url: '/api/v1/entities?q=' }))).toEqual([['too_short', 'q']]);
    expect(codes(await fgr({ url: '/api/v1/entities' }))).toEqual([['required', 'q']]);
    expect(codes(await fgr({ url: '/api/v1/entities?q=%20%20' }))).toEqual([
      ['invalid_query', 'q'],
    ]);
    expect(codes(await fgr({ url: '/api/v1/entities?q=garcia&kind=vessel' }))).toEqual([
      ['not_allowed', 'kind'],
    ]);
    expect(codes(await fgr({ url: '/api/v1/entities?q=garcia&limit=51' }))).toEqual([
      ['out_of_range', 'limit'],
    ]);

    // A split names some, not all, of the entity's own records.
    // (C, born fifteen years after A, is an entity of one under any model.)
    const split = (id: string, records: string[]) =>
      post(`/api/v1/entities/${id}/split`, { records, note: 'x' });
    expect(codes(await split(ids.A, [ids.C]))).toEqual([['not_member', 'records']]);
    expect(codes(await split(ids.C, []))).toEqual([['empty_split', 'records']]);
    expect(codes(await split(ids.C, [ids.C]))).toEqual([['empty_split', 'records']]);
    expect(codes(await split(ids.C, ['nope']))).toEqual([['invalid_format', 'records.0']]);
    expect(
      codes(
        await post('/api/v1/match/decisions', {
          a: ids.Y,
          b: ids.W,
          verdict: 'same',
          note: 'x'.repeat(2001),
        }),
      ),
    ).toEqual([['too_long', 'note']]);

    // Refusals are audited too.
    expect((await auditTail(h.db)).last).toMatchObject({ outcome: 'error:validation_failed' });
  });

  it('describes the new routes in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ url: '/api/v1/openapi.json' })).json();
    const ok = (path: string, method: string) =>
      doc.paths[path][method].responses['200'].content['application/json'].schema;
    const entity = ok('/api/v1/entities/{id}', 'get');
    expect(Object.keys(entity.properties).sort()).toEqual(
      ['caption', 'decisions', 'id', 'kind', 'pairs', 'records', 'truncated'].sort(),
    );
    expect(entity.properties.records.items.properties.marking).toBeDefined();
    const explain = ok('/api/v1/match/explain', 'get');
    expect(explain.properties.features.items.properties).toHaveProperty('frequency');
    expect(explain.properties.conflict.anyOf).toContainEqual({ type: 'null' });
    expect(ok('/api/v1/match/decisions', 'post').items.properties.verdict.enum).toEqual([
      'same',
      'different',
      'unsure',
    ]);
    expect(doc.paths['/api/v1/entities/{id}'].get.tags).toEqual(['entities']);
    expect(doc.paths['/api/v1/entities/{id}'].get.responses['404']).toBeDefined();
  });
});
