import { Type } from '@sinclair/typebox';
import { SCHEMA_NAMES } from '../../domain/model/index.js';
import { EXPORT_PAGE, MAX_EXPORT_PAGE } from '../../services/records/export-records.js';
import { FACETS } from '../../services/records/facet-records.js';
import {
  CreatedView,
  Day,
  ExpectedVersion,
  IdParams,
  Nullable,
  Page,
  Paging,
  PropertiesInput,
  PropertiesView,
  ProvenanceView,
  QueryList,
  SharingFields,
  StringEnum,
} from './common.js';

export const RecordParams = IdParams('record');

const SourceRef = Type.Optional(
  Type.String({
    maxLength: 200,
    description: "The contributor's own reference (case number, partner id).",
  }),
);

export const CreateRecordBody = Type.Object(
  {
    schema: Type.String({
      maxLength: 64,
      description: `One of: ${SCHEMA_NAMES.join(', ')}.`,
      examples: ['Person'],
    }),
    properties: PropertiesInput,
    ...SharingFields,
    sourceRef: SourceRef,
  },
  { additionalProperties: false },
);

export const UpdateRecordBody = Type.Object(
  { properties: PropertiesInput, sourceRef: SourceRef, expectedVersion: ExpectedVersion },
  { additionalProperties: false, description: 'Replaces all properties with these.' },
);

const SchemaName = StringEnum(SCHEMA_NAMES);

const filterFields = {
  schema: Type.Optional(QueryList(SchemaName, 'Only these schemas.')),
  agency: Type.Optional(
    QueryList(
      Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$' }),
      'Only from these agencies.',
    ),
  ),
  country: Type.Optional(
    QueryList(Type.String({ pattern: '^[A-Za-z]{2}$' }), 'Only records about these countries.'),
  ),
  dateFrom: Type.Optional(Day('Event date on or after this day.')),
  dateTo: Type.Optional(Day('Event date on or before this day.')),
  includeRetracted: Type.Optional(
    Type.Boolean({ description: 'Include withdrawn records (default false).' }),
  ),
};

const searchFields = { ...filterFields, ...Paging };

const Q = Type.String({
  minLength: 1,
  maxLength: 500,
  description:
    'Free text; accent- and case-insensitive; every word must match; end the last word with * to match it as a prefix (gonz*).',
});

export const ListRecordsQuery = Type.Object(
  { q: Type.Optional(Q), ...searchFields },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object({ q: Q, ...searchFields }, { additionalProperties: false });

const FacetName = StringEnum(FACETS);

export const FacetQuery = Type.Object(
  {
    q: Type.Optional(Q),
    ...filterFields,
    facets: Type.Optional(QueryList(FacetName, 'Which counts to return (default all).')),
  },
  { additionalProperties: false },
);

export const FacetResult = Type.Object({
  total: Type.Integer({ description: 'Matching records you may see.' }),
  facets: Type.Record(
    Type.String(),
    Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
  ),
});

export const ExportQuery = Type.Object(
  {
    q: Type.Optional(Q),
    ...filterFields,
    cursor: Paging.cursor,
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_EXPORT_PAGE,
        description: `Entities per request, 1-${MAX_EXPORT_PAGE} (default ${EXPORT_PAGE}).`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const RecordView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  schema: Type.String(),
  version: Type.Integer(),
  caption: Type.String(),
  properties: PropertiesView,
  eventDate: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  ...ProvenanceView,
  ...CreatedView,
});

export const RecordVersionView = Type.Object({
  version: Type.Integer(),
  change: Type.String(),
  schema: Type.String(),
  caption: Type.String(),
  properties: PropertiesView,
  ...ProvenanceView,
});

export const RecordPage = Page(RecordView);
