import { AppError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import {
  commitmentProperties,
  parseCommitment,
  type CommitmentInput,
  type MeetingFacts,
} from '../../domain/cooperation/commitment.js';
import type { Problem } from '../../domain/cooperation/input.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { insertIndicatorBinding } from '../../storage/cooperation.js';
import { fromDatabaseError } from '../../storage/errors.js';
import { appendLinkVersions } from '../../storage/links.js';
import { appendRecordVersions, findRecord, findRecords } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { afterRecordChange } from '../after-change.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { validateLinkInput } from '../links/validate-link.js';
import { resolveSharing } from '../sharing.js';
import type { CommitmentView } from './present.js';
import { readCommitment } from './read-commitments.js';
import { asFields, linkProperties, newLinkVersion, newRecordVersion } from './write.js';

export interface CreateCommitmentInput extends CommitmentInput, SharingInput {
  sourceRef?: string;
}

/** The meeting a commitment names, as the contributor sees it (null: none, or not shared). */
async function meetingFacts(tx: Tx, raw: unknown): Promise<MeetingFacts | null> {
  if (typeof raw !== 'string' || !isUuid(raw.trim())) return null;
  const m = await findRecord(tx, raw.trim().toLowerCase());
  if (!m || m.schema !== 'Meeting' || m.retracted) return null;
  return {
    id: m.id,
    date: m.properties.date?.[0] ?? m.event_date,
    countries: m.properties.country ?? [],
  };
}

const OWNER_SCHEMAS: readonly string[] = ['Person', 'Organization'];

/**
 * Writes a commitment agreed at a meeting in the caller's transaction: the Commitment record,
 * its agreed_at link to the meeting, a responsible_for link from each owner, and the indicator
 * it is measured by, under the sharing rules given. Refused whole when anything is wrong (no
 * lead, a due date before the meeting, an owner the contributor cannot see…). Returns the
 * commitment's id and everything it touched.
 */
export async function writeCommitment(
  tx: Tx,
  viewer: Viewer,
  input: CreateCommitmentInput,
): Promise<{ id: string; ids: string[] }> {
  const meeting = await meetingFacts(tx, input.meetingId);
  const parsed = parseCommitment(input, meeting);
  const errors: Problem[] = parsed.ok ? [] : [...parsed.errors];
  const owners = parsed.ok ? parsed.value.owners : [];
  const found = new Map(
    (
      await findRecords(
        tx,
        owners.map((o) => o.recordId),
      )
    ).map((r) => [r.id, r]),
  );
  owners.forEach((o, i) => {
    const r = found.get(o.recordId);
    if (!r || !OWNER_SCHEMAS.includes(r.schema) || r.retracted)
      errors.push({
        code: r ? 'wrong_schema' : 'unknown_record',
        field: `owners[${i}].recordId`,
        value: o.recordId,
        expected: 'a Person or Organization record you can see',
        params: { schema: 'Person, Organization' },
      });
  });
  if (!parsed.ok || errors.length) throw new AppError('validation_failed', {}, errors);
  const c = parsed.value;
  const sharing = sharingToColumns(await resolveSharing(tx, input));
  const record = asFields({}, () =>
    newRecordVersion(
      viewer,
      'Commitment',
      commitmentProperties(c),
      sharing,
      input.sourceRef?.trim() || null,
    ),
  );
  const id = record.record_id;
  const links = [
    newLinkVersion(viewer, 'agreed_at', id, c.meetingId, {}, sharing),
    ...c.owners.map((o) =>
      newLinkVersion(
        viewer,
        'responsible_for',
        o.recordId,
        id,
        validateLinkInput(
          'responsible_for',
          found.get(o.recordId)!.schema,
          'Commitment',
          linkProperties({ role: o.role }),
        ),
        sharing,
      ),
    ),
  ];
  try {
    await appendRecordVersions(tx, [record]);
    await appendLinkVersions(tx, links);
    if (c.indicator) {
      await insertIndicatorBinding(tx, {
        commitment_id: id,
        indicator: c.indicator.name,
        target: c.indicator.target,
        agency: viewer.agency,
        created_by: viewer.userId,
      });
    }
  } catch (err) {
    throw fromDatabaseError(err, 'commitment', input.sourceRef ?? id);
  }
  return { id, ids: [id, c.meetingId, ...links.map((l) => l.link_id)] };
}

/** Records a commitment (see writeCommitment) in one audited transaction. */
export async function createCommitment(
  call: Call,
  input: CreateCommitmentInput,
  now = new Date(),
): Promise<CommitmentView> {
  const view = await audited(
    call,
    'commitment.create',
    { meetingId: input.meetingId, topic: input.topic },
    async (tx) => {
      const { id, ids } = await writeCommitment(tx, call.viewer!, input);
      return { result: await readCommitment(tx, id, now), ids };
    },
    { permission: 'records:write' },
  );
  await afterRecordChange(call.db, { id: view.id, schema: 'Commitment' });
  return view;
}
