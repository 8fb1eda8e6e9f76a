import { Type, type Static } from '@sinclair/typebox';
import { DATE_FORMATS } from './date-format.js';

const Str = Type.String({ minLength: 1 });
const StrList = Type.Array(Str);

const TransformFields = {
  trim: Type.Optional(Type.Boolean()),
  split: Type.Optional(Str),
  remove: Type.Optional(Str),
  upper: Type.Optional(Type.Boolean()),
  lower: Type.Optional(Type.Boolean()),
  map: Type.Optional(Type.Record(Type.String(), Type.String())),
  strict: Type.Optional(Type.Boolean()),
  number: Type.Optional(Type.Union([Type.Literal('comma'), Type.Literal('dot')])),
  date: Type.Optional(Type.Union(DATE_FORMATS.map((f) => Type.Literal(f)))),
  unit: Type.Optional(Str),
};

/** Where a value comes from: exactly one of column, columns, value, template. */
export const ValueSource = Type.Object(
  {
    column: Type.Optional(Str),
    columns: Type.Optional(Type.Array(Str, { minItems: 1 })),
    separator: Type.Optional(Type.String()),
    value: Type.Optional(Type.String()),
    template: Type.Optional(Str),
    ...TransformFields,
  },
  { additionalProperties: false },
);
export type ValueSource = Static<typeof ValueSource>;

const SharingFields = {
  marking: Type.Optional(Type.Union([Str, ValueSource])),
  rel: Type.Optional(Type.Union([StrList, ValueSource])),
  recipients: Type.Optional(Type.Union([StrList, ValueSource])),
};

export const RecordMapping = Type.Object(
  {
    key: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' }),
    schema: Str,
    id: Str,
    optional: Type.Optional(Type.Boolean()),
    properties: Type.Record(Type.String(), ValueSource),
    ...SharingFields,
  },
  { additionalProperties: false },
);
export type RecordMapping = Static<typeof RecordMapping>;

export const LinkMapping = Type.Object(
  {
    type: Str,
    source: Str,
    target: Str,
    id: Type.Optional(Str),
    properties: Type.Optional(Type.Record(Type.String(), ValueSource)),
    ...SharingFields,
  },
  { additionalProperties: false },
);
export type LinkMapping = Static<typeof LinkMapping>;

export const MappingDocument = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('csv'), Type.Literal('ndjson'), Type.Literal('json')]),
    ),
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
    encoding: Type.Optional(Str),
    ...SharingFields,
    records: Type.Array(RecordMapping, { minItems: 1 }),
    links: Type.Optional(Type.Array(LinkMapping)),
  },
  { additionalProperties: false },
);
export type MappingDocument = Static<typeof MappingDocument>;
