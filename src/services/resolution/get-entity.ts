import { notFound } from '../../domain/errors.js';
import { findRecords } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { presentRecord, type RecordView } from '../records/present.js';
import { viewerEntity } from './viewer-entity.js';

export interface EntityView {
  /** The entity for this viewer: its oldest record the viewer may see. */
  id: string;
  kind: 'person' | 'organization';
  caption: string;
  /** The records behind the entity, oldest first, each with its agency and marking. */
  records: RecordView[];
  /** How strongly each pair of its records matches (probability 0–1). */
  pairs: { a: string; b: string; probability: number; weight: number }[];
  /** Analysts' decisions in force among its records. */
  decisions: { a: string; b: string; verdict: string }[];
  /** More linked records exist than one entity shows. */
  truncated: boolean;
}

/** The entity a record belongs to, as the viewer sees it; any member's id finds it. */
export async function getEntity(call: Call, recordId: string): Promise<EntityView> {
  return audited(
    call,
    'entity.get',
    { id: recordId },
    async (tx) => {
      const entity = await viewerEntity(tx, recordId);
      if (!entity) throw notFound('entity', recordId);
      const records = (await findRecords(tx, entity.members)).map(presentRecord);
      const captioned = records.find((r) => r.caption) ?? records[0]!;
      return {
        result: {
          id: entity.id,
          kind: entity.kind,
          caption: captioned.caption,
          records,
          pairs: entity.pairs.map(({ a, b, probability, weight }) => ({
            a,
            b,
            probability,
            weight,
          })),
          decisions: entity.decisions,
          truncated: entity.truncated,
        },
        ids: entity.members,
      };
    },
    { readOnly: true },
  );
}
