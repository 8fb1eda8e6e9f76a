import { Type } from '@sinclair/typebox';
import { FIREARM_TYPES, OBLITERATION } from '../../domain/model/index.js';
import { PRIORITIES, TRACE_STATUSES } from '../../domain/tracing/status.js';
import {
  Day,
  IdParams,
  Nullable,
  Page,
  Paging,
  QueryList,
  SharingFields,
  SharingView,
  StringEnum,
  Uuid,
} from './common.js';

export const TraceParams = IdParams('trace');

const Text = (description: string, maxLength = 500) =>
  Type.Optional(Type.String({ maxLength, description }));

const Reason = Type.Object(
  {
    code: Type.String({ description: 'A stable code; the interface translates it.' }),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  },
  { description: 'Why: a code and the values its explanation needs.' },
);

const Sharing = Type.Object(
  { ...SharingFields, marking: Type.Optional(SharingFields.marking) },
  { additionalProperties: false },
);

const FirearmInput = Type.Object(
  {
    make: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Maker or importer as marked.',
    }),
    model: Text('Model as marked.'),
    type: Type.Optional(StringEnum(FIREARM_TYPES)),
    caliber: Text('Calibre or gauge.'),
    serialNumber: Text(
      'As read: ? for one illegible character, * for several. Omit when obliterated.',
      40,
    ),
    obliterated: Type.Optional(StringEnum(OBLITERATION)),
    importer: Text('Importer mark, for guns made abroad.'),
    countryOfManufacture: Text('ISO 3166-1 alpha-2.', 2),
  },
  { additionalProperties: false },
);

const RecoveryInput = Type.Object(
  {
    date: Day('The day the gun was recovered.'),
    country: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2.' }),
    state: Text('State or province.'),
    place: Text('Municipality or place.'),
    circumstances: Text('How it was recovered.', 1000),
    caseNumber: Text('The case or investigation file number.', 100),
  },
  { additionalProperties: false },
);

const PersonInput = Type.Object(
  {
    role: StringEnum(['possessor', 'associate'] as const),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    recordId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const TraceRequestBody = Type.Object(
  {
    priority: Type.Optional(
      StringEnum(PRIORITIES, { description: 'urgent: answered within 24 hours; routine: 7 days.' }),
    ),
    officer: Text('The requesting officer (name, badge); by default the signed-in user.', 200),
    firearm: FirearmInput,
    recovery: RecoveryInput,
    recoveryId: Type.Optional(Uuid),
    firearmId: Type.Optional(Uuid),
    people: Type.Optional(Type.Array(PersonInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const SubmitBody = Type.Union([
  TraceRequestBody,
  Type.Object(
    {
      requests: Type.Array(TraceRequestBody, { minItems: 1, maxItems: 1000 }),
      sharing: Type.Optional(Sharing),
    },
    { additionalProperties: false },
  ),
]);

export const SubmitResult = Type.Object({
  submitted: Type.Integer(),
  ids: Type.Array(Type.String({ format: 'uuid' })),
});

export const TraceListQuery = Type.Object(
  {
    status: Type.Optional(QueryList(StringEnum(TRACE_STATUSES), 'Only these statuses.')),
    agency: Type.Optional(Type.String({ maxLength: 32, description: 'Requesting agency.' })),
    overdue: Type.Optional(
      Type.Boolean({ description: 'Only open requests past their deadline.' }),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);

const Candidate = Type.Object({
  candidate: Type.Object({
    firearmId: Type.String(),
    saleId: Type.String(),
    buyerId: Nullable(Type.String()),
    maker: Type.String(),
    serialKey: Type.String(),
    model: Type.String(),
    type: Type.String(),
    caliber: Type.String(),
    importer: Type.String(),
    saleDate: Type.String(),
    dealerName: Type.String(),
    dealerLicense: Type.String(),
    dealerState: Type.String(),
    country: Type.String(),
    multipleSale: Type.Boolean(),
  }),
  score: Type.Number(),
  reasons: Type.Array(Reason),
});

const Result = Type.Object({
  firearmId: Type.String(),
  saleId: Type.String(),
  saleDate: Type.String(),
  dealer: Type.Object({
    name: Type.String(),
    license: Type.String(),
    state: Type.String(),
    country: Type.String(),
  }),
  timeToCrimeDays: Type.Integer(),
  reasons: Type.Array(Reason),
  indicators: Type.Array(Reason),
  tracedAt: Type.String(),
  purchaser: Nullable(
    Type.Object({ personId: Type.String(), name: Type.String(), ...SharingView }),
  ),
});

const optional = (names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, Type.Optional(Type.String())]));

const FirearmView = Type.Object({
  make: Type.String(),
  ...optional([
    'model',
    'type',
    'caliber',
    'serialNumber',
    'obliterated',
    'importer',
    'countryOfManufacture',
  ]),
});

const RecoveryView = Type.Object({
  date: Type.String(),
  country: Type.String(),
  ...optional(['state', 'place', 'circumstances', 'caseNumber']),
});

export const TraceView = Type.Object({
  id: Type.String(),
  agency: Type.String(),
  requestedBy: Type.String(),
  officer: Type.String(),
  priority: Type.String(),
  status: Type.String(),
  reason: Reason,
  firearm: FirearmView,
  maker: Type.String(),
  recovery: RecoveryView,
  recoveryId: Nullable(Type.String()),
  firearmId: Nullable(Type.String()),
  people: Type.Array(
    Type.Object({
      role: Type.String(),
      name: Type.String(),
      recordId: Type.Optional(Type.String()),
    }),
  ),
  submittedAt: Type.String(),
  deadlineAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  candidates: Type.Optional(Type.Array(Candidate)),
  result: Nullable(Result),
  history: Type.Optional(
    Type.Array(
      Type.Object({
        at: Type.String(),
        status: Type.String(),
        reason: Reason,
        agency: Type.String(),
      }),
    ),
  ),
});

export const TracePage = Page(TraceView);

export const RunBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 5000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    purchaserSharing: Type.Optional(Sharing),
  },
  { additionalProperties: false },
);

export const RunSummary = Type.Object({
  traced: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  elapsedMs: Type.Integer(),
});

export const AnswerBody = Type.Union([
  Type.Object(
    {
      firearmId: Uuid,
      note: Text('Why this sale.', 1000),
      purchaserSharing: Type.Optional(Sharing),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      status: StringEnum(['no_record_found', 'serial_obliterated', 'not_traceable'] as const),
      note: Type.String({ minLength: 1, maxLength: 1000 }),
    },
    { additionalProperties: false },
  ),
]);

export const StatsQuery = Type.Object(
  {
    recoveryCountry: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    sourceCountry: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    baseYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    lastYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  },
  { additionalProperties: false },
);

const ShareRow = Type.Object({
  key: Type.String(),
  traced: Type.Integer(),
  toSource: Type.Integer(),
  share: Nullable(Type.Number()),
});

export const TraceStatistics = Type.Object({
  recoveryCountry: Type.String(),
  sourceCountry: Type.String(),
  requests: Type.Integer(),
  pending: Type.Integer(),
  overall: ShareRow,
  byYear: Type.Array(ShareRow),
  byType: Type.Array(ShareRow),
  byRecoveryState: Type.Array(ShareRow),
  bySourceState: Type.Array(
    Type.Object({ key: Type.String(), guns: Type.Integer(), share: Type.Number() }),
  ),
  medianTimeToCrimeDays: Nullable(Type.Number()),
  rifles: Type.Object({
    baseYear: Type.Integer(),
    lastYear: Type.Integer(),
    base: Type.Integer(),
    last: Type.Integer(),
    change: Nullable(Type.Number()),
  }),
  byStatus: Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() })),
});
