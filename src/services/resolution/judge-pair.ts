import { AppError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { insertDecision } from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { regroupEntitiesOf } from './match-on-arrival.js';
import { loadPrepared } from './prepared.js';
import { viewerEntity } from './viewer-entity.js';

export const VERDICTS = ['same', 'different', 'unsure'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Judgement {
  a: string;
  b: string;
  verdict: Verdict;
}

const MAX_NOTE = 2000;

function checkNote(note: string | undefined): string | null {
  const text = note?.trim() || null;
  if (text && text.length > MAX_NOTE)
    throw new AppError('validation_failed', {}, [
      { code: 'too_long', field: 'note', expected: `at most ${MAX_NOTE} characters` },
    ]);
  return text;
}

/** Records the viewer's decisions; every record named must be one the viewer may see. */
async function record(
  call: Call,
  tx: Tx,
  pairs: readonly (readonly [string, string])[],
  verdict: Verdict,
  note: string | null,
): Promise<Judgement[]> {
  const viewer = call.viewer!;
  const named = [...new Set(pairs.flat())];
  const visible = await loadPrepared(tx, named);
  for (const id of named) if (!visible.ids.includes(id)) throw notFound('record', id);
  const kinds = new Map(visible.ids.map((id, i) => [id, visible.prepared[i]!.kind]));
  const out: Judgement[] = [];
  for (const [x, y] of pairs) {
    if (x === y || kinds.get(x) !== kinds.get(y))
      throw new AppError('validation_failed', {}, [
        {
          code: 'not_comparable',
          field: 'b',
          value: y,
          expected: 'another record of the same kind (person or organization)',
        },
      ]);
    const [a, b] = x < y ? [x, y] : [y, x];
    await insertDecision(tx, {
      id: newId(),
      a,
      b,
      verdict,
      note,
      agency: viewer.agency,
      decided_by: viewer.userId,
    });
    out.push({ a, b, verdict });
  }
  return out;
}

async function decide(
  call: Call,
  action: string,
  query: Record<string, unknown>,
  pairsOf: (tx: Tx) => Promise<(readonly [string, string])[]>,
  verdict: Verdict,
  note: string | undefined,
): Promise<Judgement[]> {
  const text = checkNote(note);
  const judged = await audited(
    call,
    action,
    query,
    async (tx) => {
      const out = await record(call, tx, await pairsOf(tx), verdict, text);
      return { result: out, ids: [...new Set(out.flatMap((j) => [j.a, j.b]))] };
    },
    { permission: 'records:write' },
  );
  // Decisions hold in every later run; the entities they touch follow at once. The decision
  // has committed: should regrouping fail, the next run applies it, so that is reported, not
  // returned as a failure of the decision.
  const touched = [...new Set(judged.flatMap((j) => [j.a, j.b]))];
  await regroupEntitiesOf(call.db, touched).catch((err: Error) =>
    process.emitWarning(
      `regrouping after a decision on ${touched.join(', ')} failed: ${err.message}`,
    ),
  );
  return judged;
}

/** An analyst's judgement of a pair: the same entity, different ones, or unsure. */
export function judgePair(
  call: Call,
  input: { a: string; b: string; verdict: Verdict; note?: string },
): Promise<Judgement[]> {
  return decide(
    call,
    'entity.judge',
    { a: input.a, b: input.b, verdict: input.verdict },
    async () => [[input.a, input.b]],
    input.verdict,
    input.note,
  );
}

/** Merges two entities: their records are judged the same. */
export function mergeEntities(
  call: Call,
  input: { a: string; b: string; note?: string },
): Promise<Judgement[]> {
  return decide(
    call,
    'entity.merge',
    { a: input.a, b: input.b },
    async () => [[input.a, input.b]],
    'same',
    input.note,
  );
}

/**
 * Splits records off the viewer's entity: each is judged different from every member that
 * stays. The records split off stay together when they match each other.
 */
export function splitEntity(
  call: Call,
  input: { id: string; records: string[]; note?: string },
): Promise<Judgement[]> {
  return decide(
    call,
    'entity.split',
    { id: input.id, records: input.records },
    async (tx) => {
      const entity = await viewerEntity(tx, input.id);
      if (!entity) throw notFound('entity', input.id);
      const leaving = new Set(input.records);
      for (const id of leaving)
        if (!entity.members.includes(id))
          throw new AppError('validation_failed', {}, [
            { code: 'not_member', field: 'records', value: id, expected: 'a record of the entity' },
          ]);
      const staying = entity.members.filter((id) => !leaving.has(id));
      if (!leaving.size || !staying.length)
        throw new AppError('validation_failed', {}, [
          {
            code: 'empty_split',
            field: 'records',
            expected: 'some but not all of the entity’s records',
          },
        ]);
      return [...leaving].flatMap((x) => staying.map((y) => [x, y] as const));
    },
    'different',
    input.note,
  );
}
