import { AppError } from '../../domain/errors.js';
import { blockingKeys } from '../../domain/resolution/blocking.js';
import { compare } from '../../domain/resolution/compare.js';
import { FEATURES } from '../../domain/resolution/features.js';
import { scoreComparison } from '../../domain/resolution/model.js';
import { prepare, type Prepared } from '../../domain/resolution/prepare.js';
import { profileOf } from '../../domain/resolution/profile.js';
import { queryTerms } from '../../domain/text/terms.js';
import { findRecords, queryRecords } from '../../storage/records.js';
import { recordsSharingKeys } from '../../storage/resolution.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import type { Tx } from '../../storage/session.js';
import { pageLimit } from '../paging.js';
import { presentSharing, type SharingView } from '../records/present.js';
import { modelFor } from './models.js';
import { loadPrepared } from './prepared.js';
import { kindOf, RESOLVED_SCHEMAS } from './schemas.js';
import { viewerEntity } from './viewer-entity.js';

export interface EntityHit extends SharingView {
  /** The entity as this viewer sees it (its oldest visible record). */
  id: string;
  kind: 'person' | 'organization';
  caption: string;
  /** Records in the entity. */
  records: number;
  /** How strongly the best record's name agrees with the query: 1 / (1 + 2^-bits), 0–1. */
  score: number;
  /** The record that matched best. */
  matchedRecord: string;
}

const MAX_QUERY = 200;
const CANDIDATES = 500;
const GIVEN = FEATURES.person.indexOf('given');
const SURNAME = FEATURES.person.indexOf('surname');
const ORG_NAME = FEATURES.organization.indexOf('name');

/** Whether a record's name answers the query: the name agrees, allowing nicknames and typos. */
function nameAnswers(query: Prepared, record: Prepared, byWord: boolean): boolean {
  if (byWord) return true;
  const levels = compare(query, record).levels;
  if (query.kind === 'organization') return levels[ORG_NAME]! >= 0 && levels[ORG_NAME]! <= 2;
  const given = levels[GIVEN]!;
  const surname = levels[SURNAME]!;
  const acronym = levels[FEATURES.person.indexOf('acronym')]!;
  if (acronym === 0) return true;
  return surname >= 0 && surname <= 3 && (given === -1 || given <= 4);
}

/** An entity that answers a name, with the comparison's agreeing features ("given: alias"). */
export interface NamedEntity extends EntityHit {
  reasons: string[];
}

const MAX_REASONS = 6;

/**
 * Entities whose names answer a query, fuzzily, in the caller's transaction: "Chuy Rodrigez"
 * finds "Jesús Rodríguez" (nickname, missing accent, typo). Matching uses the resolver's
 * blocking keys and comparison; hits are grouped into the entities the viewer sees, best first.
 */
export async function entitiesNamed(
  tx: Tx,
  q: string,
  kind: 'person' | 'organization' | undefined,
  limit: number,
): Promise<NamedEntity[]> {
  const input = { q, kind };
  const kinds = input.kind ? [input.kind] : (['person', 'organization'] as const);
  const queries = kinds.map((kind) =>
    prepare(
      profileOf({
        id: 'query',
        schema: kind === 'person' ? 'Person' : 'Organization',
        properties: { name: [q] },
      })!,
    ),
  );
  const keys = queries.flatMap((p) => blockingKeys(p).filter((k) => /^P~gs:|^O(on|ot):/.test(k)));
  // A surname or a given name alone has no fuzzy key (its blocks would be too large to
  // keep): it is looked up as a word of the records' names instead.
  const candidateIds = keys.length
    ? await recordsSharingKeys(tx, keys, CANDIDATES)
    : (
        await queryRecords(tx, {
          terms: queryTerms(q),
          schema: [...RESOLVED_SCHEMAS].filter((x) => !input.kind || kindOf(x) === input.kind),
          limit: CANDIDATES,
        })
      ).map((r) => r.id);
  const found = await loadPrepared(tx, candidateIds);
  const scored: { id: string; score: number; p: Prepared; reasons: string[] }[] = [];
  for (let i = 0; i < found.ids.length; i++) {
    const record = found.prepared[i]!;
    const query = queries.find((x) => x.kind === record.kind);
    if (!query || !nameAnswers(query, record, !keys.length)) continue;
    const model = await modelFor(tx, record.kind);
    const s = scoreComparison(model, compare(query, record), true);
    const reasons = s.contributions
      .filter((c) => c.weight > 0)
      .map((c) => `${c.feature}: ${c.level}`)
      .slice(0, MAX_REASONS);
    scored.push({ id: found.ids[i]!, score: s.weight, p: record, reasons });
  }
  scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  const items: NamedEntity[] = [];
  const placed = new Set<string>();
  for (const hit of scored) {
    if (items.length >= limit) break;
    if (placed.has(hit.id)) continue;
    const entity = await viewerEntity(tx, hit.id);
    if (!entity) continue;
    entity.members.forEach((m) => placed.add(m));
    const [first] = await findRecords(tx, [entity.id]);
    if (!first) continue;
    items.push({
      id: entity.id,
      kind: entity.kind,
      caption: first.caption,
      records: entity.members.length,
      score: 1 / (1 + 2 ** -hit.score),
      matchedRecord: hit.id,
      reasons: hit.reasons,
      ...presentSharing(first),
    });
  }
  return items;
}

/** Entities whose names answer a query (see entitiesNamed), audited as a search. */
export async function searchEntities(
  call: Call,
  input: { q: string; kind?: 'person' | 'organization'; limit?: number },
): Promise<{ items: EntityHit[] }> {
  const q = input.q.trim();
  if (!q || q.length > MAX_QUERY)
    throw new AppError('validation_failed', {}, [
      { code: 'invalid_query', field: 'q', value: q, expected: `1 to ${MAX_QUERY} characters` },
    ]);
  const limit = pageLimit(input.limit, 50, 20);
  return audited(
    call,
    'entity.search',
    { q, kind: input.kind ?? null },
    async (tx) => {
      const items: EntityHit[] = (await entitiesNamed(tx, q, input.kind, limit)).map(
        ({ reasons: _reasons, ...hit }) => hit,
      );
      return { result: { items }, ids: items.map((i) => i.id) };
    },
    { readOnly: true },
  );
}
