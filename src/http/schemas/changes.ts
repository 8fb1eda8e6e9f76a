import { Type } from '@sinclair/typebox';
import { ExpectedVersion, SharingFields } from './common.js';

/** Bodies shared by records and links: both are re-marked and retracted the same way. */
export const RemarkBody = Type.Object(
  {
    ...SharingFields,
    marking: Type.Optional(SharingFields.marking),
    expectedVersion: ExpectedVersion,
  },
  {
    additionalProperties: false,
    description: 'Fields not given keep their value (recipients drop when the marking changes).',
  },
);

export const RetractBody = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Why it is withdrawn (audited).' }),
    ),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);
