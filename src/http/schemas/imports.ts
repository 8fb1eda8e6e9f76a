import { Type } from '@sinclair/typebox';
import { IdParams, Nullable, Page, Paging, StringEnum } from './common.js';
import { IMPORT_PHASES } from '../../services/imports/outcome.js';

const Counts = Type.Object({
  written: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});

const Problem = Type.Object({
  code: Type.String(),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  details: Type.Optional(Type.Array(Type.Unknown())),
});

export const ImportJobView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agency: Type.String(),
  createdBy: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  fileName: Type.String(),
  sizeBytes: Type.Integer(),
  options: Type.Object({
    format: Type.Optional(Type.String()),
    encoding: Type.Optional(Type.String()),
    delimiter: Type.Optional(Type.String()),
    marking: Type.Optional(Type.String()),
    rel: Type.Optional(Type.Array(Type.String())),
    recipients: Type.Optional(Type.Array(Type.String())),
    skipInvalid: Type.Optional(Type.Boolean()),
    mapping: Type.Optional(Type.String()),
  }),
  status: StringEnum(['queued', 'running', 'completed', 'failed']),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  summary: Nullable(
    Type.Object({
      rows: Type.Integer(),
      records: Counts,
      links: Counts,
      rejected: Type.Integer(),
      elapsedMs: Type.Integer(),
    }),
  ),
  problem: Nullable(Problem),
  message: Type.Optional(Type.String({ description: 'Why it failed, in your language.' })),
  progress: Nullable(
    Type.Object({
      phase: StringEnum(IMPORT_PHASES),
      rows: Type.Integer(),
      bytes: Type.Integer(),
      merged: Type.Integer(),
    }),
  ),
});

export const ImportJobPage = Page(ImportJobView);
export const ImportParams = IdParams('import');
export const ImportListQuery = Type.Object(Paging, { additionalProperties: false });
