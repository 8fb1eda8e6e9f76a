import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { fromDatabaseError } from '../../storage/errors.js';
import {
  appendLinkVersions,
  findLink,
  type LinkRow,
  type NewLinkVersion,
} from '../../storage/links.js';
import { findRecord } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { afterLinkChange } from '../after-change.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { assertChangeable, successorOf, type Guard } from '../originator.js';
import { resolveRemark } from '../sharing.js';
import { presentLink, type LinkView } from './present.js';
import { validateLinkInput } from './validate-link.js';

async function changeLink(
  call: Call,
  id: string,
  change: NewLinkVersion['change'],
  guard: Guard,
  next: (tx: Tx, head: LinkRow) => Promise<Partial<NewLinkVersion>>,
): Promise<LinkView> {
  const query = guard.reason ? { id, reason: guard.reason } : { id };
  const view = await audited(
    call,
    `link.${change}`,
    query,
    async (tx) => {
      const head = await findLink(tx, id);
      assertChangeable(head, call.viewer!, guard, 'link', id);
      const changes = await next(tx, head);
      try {
        await appendLinkVersions(tx, [
          {
            ...successorOf(head, call.viewer!, change),
            link_id: id,
            link_type: head.link_type,
            source_id: head.source_id,
            target_id: head.target_id,
            ...changes,
          },
        ]);
      } catch (err) {
        throw fromDatabaseError(err, 'link', id);
      }
      const row = (await findLink(tx, id)) ?? { ...head, ...changes, version: head.version + 1 };
      return { result: presentLink(row), ids: [id] };
    },
    { permission: 'records:write' },
  );
  if (change !== 'remark') await afterLinkChange(call.db, view);
  return view;
}

export function updateLink(
  call: Call,
  id: string,
  input: Guard & { properties: unknown },
): Promise<LinkView> {
  return changeLink(call, id, 'update', input, async (tx, head) => {
    const [source, target] = [
      await findRecord(tx, head.source_id),
      await findRecord(tx, head.target_id),
    ];
    return {
      properties: validateLinkInput(
        head.link_type,
        source!.schema,
        target!.schema,
        input.properties,
      ),
    };
  });
}

export function remarkLink(call: Call, id: string, input: Guard & SharingInput): Promise<LinkView> {
  return changeLink(call, id, 'remark', input, async (tx, head) => {
    return sharingToColumns(await resolveRemark(tx, head, input));
  });
}

export function retractLink(call: Call, id: string, input: Guard): Promise<LinkView> {
  return changeLink(call, id, 'retract', input, async () => ({ retracted: true }));
}
