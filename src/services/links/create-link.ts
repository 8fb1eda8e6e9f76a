import { AppError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { fromDatabaseError } from '../../storage/errors.js';
import { appendLinkVersions, findLink } from '../../storage/links.js';
import { findRecord } from '../../storage/records.js';
import { afterLinkChange } from '../after-change.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { resolveSharing } from '../sharing.js';
import { presentLink, type LinkView } from './present.js';
import { validateLinkInput } from './validate-link.js';

export interface CreateLinkInput extends SharingInput {
  type: string;
  sourceId: string;
  targetId: string;
  properties?: unknown;
  sourceRef?: string;
}

/** A link joins two records the contributor can see; it carries its own marking. */
export async function createLink(call: Call, input: CreateLinkInput): Promise<LinkView> {
  const query = { type: input.type, sourceId: input.sourceId, targetId: input.targetId };
  const view = await audited(
    call,
    'link.create',
    query,
    async (tx) => {
      const viewer = call.viewer!;
      const source = await findRecord(tx, input.sourceId);
      if (!source) throw notFound('record', input.sourceId);
      const target = await findRecord(tx, input.targetId);
      if (!target) throw notFound('record', input.targetId);
      const properties = validateLinkInput(
        input.type,
        source.schema,
        target.schema,
        input.properties,
      );
      const sharing = await resolveSharing(tx, input);
      const id = newId();
      try {
        await appendLinkVersions(tx, [
          {
            link_id: id,
            version: 1,
            link_type: input.type,
            source_id: source.id,
            target_id: target.id,
            agency: viewer.agency,
            created_by: viewer.userId,
            changed_by: viewer.userId,
            change: 'create',
            source_ref: input.sourceRef?.trim() || null,
            properties,
            retracted: false,
            ...sharingToColumns(sharing),
          },
        ]);
      } catch (err) {
        throw fromDatabaseError(err, 'link', input.sourceRef ?? id);
      }
      const row = await findLink(tx, id);
      if (!row) throw new AppError('internal');
      return { result: presentLink(row), ids: [id, source.id, target.id] };
    },
    { permission: 'records:write' },
  );
  await afterLinkChange(call.db, view);
  return view;
}
