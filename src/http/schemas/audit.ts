import { Type } from '@sinclair/typebox';
import { MAX_PAGE } from '../../services/paging.js';
import { Nullable } from './common.js';

const Instant = (description: string) => Type.String({ format: 'date-or-time', description });

export const AuditQuery = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.String({ maxLength: 64, examples: ['record.get'] })),
    recordId: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Instant('Entries at or after this instant.')),
    to: Type.Optional(Instant('Entries before this instant.')),
    cursor: Type.Optional(
      Type.String({
        pattern: '^[1-9][0-9]{0,15}$',
        description: 'The nextCursor of the previous page.',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
  },
  { additionalProperties: false },
);

export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: Nullable(Type.String({ format: 'uuid' })),
  agency: Nullable(Type.String()),
  action: Type.String(),
  outcome: Type.String(),
  recordIds: Type.Array(Type.String({ format: 'uuid' })),
  query: Type.Unknown(),
  purpose: Nullable(Type.String()),
  resultCount: Nullable(Type.Integer()),
  hash: Type.String(),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntryView),
  nextCursor: Nullable(Type.String()),
});
