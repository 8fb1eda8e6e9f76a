import { Type } from '@sinclair/typebox';
import { INDICATOR_NAMES } from '../../domain/cooperation/indicators.js';
import { DOCUMENT_KINDS } from '../../domain/cooperation/meeting.js';
import { STATUSES } from '../../domain/cooperation/status.js';
import { TOPICS } from '../../domain/cooperation/topics.js';
import { LOCALES } from '../../i18n/index.js';
import { REPORT_FORMATS } from '../../services/cooperation/progress-report.js';
import { MEETING_FORMATS } from '../../domain/model/schema-defs.js';
import {
  CreatedView,
  Day,
  ExpectedVersion,
  IdParams,
  Nullable,
  Page,
  Paging,
  PATH_KIND,
  ProvenanceView,
  QueryList,
  SharingFields,
  SharingView,
  StringEnum,
  Uuid,
} from './common.js';

// Inputs are typed here and checked in the domain (src/domain/cooperation), which words each
// problem (a missing lead, a due date before the meeting) the same way for the API and the CLI.

export const MeetingParams = IdParams('meeting');
export const CommitmentParams = IdParams('commitment');

const Text = (description: string, maxLength = 500) =>
  Type.Optional(Type.String({ maxLength, description }));

const SourceRef = Text("The contributor's own reference (a file or minute number).", 200);

const TopicList = Type.Optional(
  Type.Array(Type.String({ maxLength: 100 }), {
    maxItems: 10,
    description: `Topics: ${TOPICS.join(', ')} (common spellings such as "firearms trafficking" are read too).`,
  }),
);

const Participant = Type.Object(
  {
    personId: Type.Optional(Uuid),
    name: Text('The name of a person not yet recorded (a Person record is created).', 200),
    title: Text('Their title at the time ("Deputy Attorney General").', 200),
    agency: Text('Their agency or ministry at the time: a registered code (FGR) or a name.', 200),
  },
  {
    additionalProperties: false,
    description: 'Who attended: an existing Person record (personId) or a new person (name).',
  },
);

const DocumentInput = Type.Object(
  {
    documentId: Type.Optional(Uuid),
    kind: Type.Optional(StringEnum(DOCUMENT_KINDS)),
    title: Text('The title of a new document.', 500),
    language: Text('en, es or fr.', 5),
    date: Text('YYYY-MM-DD.', 10),
    url: Text('Where it was published.', 2000),
    text: Text('Its text.', 100_000),
  },
  {
    additionalProperties: false,
    description: 'A readout, joint statement or press article: an existing Document or a new one.',
  },
);

export const CreateMeetingBody = Type.Object(
  {
    name: Text('The meeting, e.g. "Trilateral Fentanyl Committee — third session".', 300),
    date: Text('The first day, YYYY-MM-DD.', 10),
    endDate: Text('The last day of a meeting of several days.', 10),
    place: Text('Where it was held.', 300),
    countries: Type.Optional(
      Type.Array(Type.String({ maxLength: 3 }), {
        maxItems: 10,
        description: 'The parties: 2 countries (bilateral) or 3 (trilateral), ISO codes.',
      }),
    ),
    format: Type.Optional(StringEnum(MEETING_FORMATS, { description: 'Derived when not given.' })),
    topics: TopicList,
    participants: Type.Optional(Type.Array(Participant, { maxItems: 200 })),
    documents: Type.Optional(Type.Array(DocumentInput, { maxItems: 50 })),
    ...SharingFields,
    sourceRef: SourceRef,
  },
  { additionalProperties: false },
);

export const ListMeetingsQuery = Type.Object(
  {
    from: Type.Optional(Day('Held on or after this day.')),
    to: Type.Optional(Day('Held on or before this day.')),
    country: Type.Optional(
      QueryList(Type.String({ maxLength: 3 }), 'Only meetings of these countries.'),
    ),
    topic: Type.Optional(
      QueryList(Type.String({ maxLength: 100 }), 'Only meetings on these topics.'),
    ),
    format: Type.Optional(StringEnum(MEETING_FORMATS)),
    ...Paging,
  },
  { additionalProperties: false },
);

const Provenance = { version: Type.Integer(), ...ProvenanceView, ...CreatedView };

const MeetingSummaryFields = {
  id: Type.String({ format: 'uuid' }),
  caption: Type.String(),
  name: Nullable(Type.String()),
  date: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  place: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  format: Nullable(Type.String()),
  topics: Type.Array(Type.String()),
  ...Provenance,
};

export const MeetingSummary = Type.Object(MeetingSummaryFields);
export const MeetingPage = Page(MeetingSummary);

const ParticipantView = Type.Object({
  linkId: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  title: Nullable(Type.String()),
  agency: Nullable(Type.String()),
  country: Nullable(Type.String()),
  ...SharingView,
});

const MeetingDocumentView = Type.Object({
  linkId: Type.String(),
  documentId: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  language: Nullable(Type.String()),
  date: Nullable(Type.String()),
  url: Nullable(Type.String()),
  ...SharingView,
});

const OwnerView = Type.Object({
  linkId: Type.String(),
  recordId: Type.String(),
  schema: Type.String(),
  name: Type.String(),
  role: Nullable(Type.String()),
});

const CommitmentSummaryFields = {
  id: Type.String({ format: 'uuid' }),
  caption: Type.String(),
  name: Nullable(Type.String()),
  text: Nullable(Type.String()),
  topic: Nullable(Type.String()),
  status: Type.String({ description: STATUSES.join(', ') }),
  overdue: Type.Boolean({ description: 'Open and past its due day (derived from today).' }),
  closed: Type.Boolean({ description: 'Done or dropped: it takes no further update.' }),
  leadCountry: Nullable(Type.String()),
  leadAgency: Nullable(Type.String()),
  partnerCountries: Type.Array(Type.String()),
  scope: Type.String({ description: 'national, bilateral or trilateral' }),
  dueDate: Nullable(Type.String()),
  meeting: Nullable(
    Type.Object({ id: Type.String(), caption: Type.String(), date: Nullable(Type.String()) }),
  ),
  owners: Type.Array(OwnerView),
  indicator: Nullable(Type.Object({ name: Type.String(), target: Type.Number() })),
  ...Provenance,
};

export const CommitmentSummary = Type.Object(CommitmentSummaryFields);
export const CommitmentPage = Page(CommitmentSummary);

export const MeetingView = Type.Object({
  ...MeetingSummaryFields,
  participants: Type.Array(ParticipantView),
  delegations: Type.Array(
    Type.Object({ country: Nullable(Type.String()), participants: Type.Array(ParticipantView) }),
  ),
  commitments: Type.Array(CommitmentSummary),
  documents: Type.Array(MeetingDocumentView),
});

const TrendMonth = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  value: Nullable(Type.Number()),
  basis: Type.Integer({ description: 'The seizures or trace requests the value rests on.' }),
  met: Nullable(Type.Boolean()),
});

export const Trend = Type.Object({
  indicator: Type.String(),
  unit: Type.String({ description: 'kg, share (0–1) or seizures, per month' }),
  direction: Type.String({ description: 'at_least: the target is a floor' }),
  target: Nullable(Type.Number()),
  months: Type.Array(TrendMonth),
  latest: Nullable(TrendMonth),
});

const HistoryEntry = Type.Object({
  version: Type.Integer(),
  change: Type.String(),
  status: Nullable(Type.String()),
  note: Nullable(Type.String({ description: 'The progress note this version brought.' })),
  evidence: Type.Array(
    Type.Object({ recordId: Type.String(), schema: Type.String(), caption: Type.String() }),
  ),
  agency: Type.String(),
  changedBy: Type.String(),
  changedAt: Type.String(),
  ...SharingView,
});

export const CommitmentView = Type.Object({
  ...CommitmentSummaryFields,
  history: Type.Array(HistoryEntry),
  trend: Nullable(Trend),
});

export const CreateCommitmentBody = Type.Object(
  {
    name: Text('A short name; by default the start of the text.', 300),
    text: Text('What was agreed.', 10_000),
    topic: Text(`One of ${TOPICS.join(', ')}.`, 100),
    leadCountry: Text('The country that leads it (ISO code). Required.', 3),
    leadAgency: Text('The agency that leads it. Required.', 200),
    partnerCountries: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { maxItems: 10 })),
    meetingId: Text('The meeting where it was agreed. Required.', 64),
    dueDate: Text('YYYY-MM-DD, not before the meeting. Required.', 10),
    status: Text(
      `${STATUSES.join(', ')} (on_track and at_risk are read too); default planned.`,
      20,
    ),
    owners: Type.Optional(
      Type.Array(
        Type.Object(
          { recordId: Type.String({ maxLength: 64 }), role: Text('What they do for it.', 200) },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'The Person or Organization records responsible.' },
      ),
    ),
    indicator: Type.Optional(
      Type.Object(
        {
          name: Type.String({ maxLength: 64, description: INDICATOR_NAMES.join(', ') }),
          target: Type.Number({ description: 'Per month: kg, a share from 0 to 1, or seizures.' }),
        },
        { additionalProperties: false },
      ),
    ),
    ...SharingFields,
    sourceRef: SourceRef,
  },
  { additionalProperties: false },
);

export const ListCommitmentsQuery = Type.Object(
  {
    status: Type.Optional(QueryList(Type.String({ maxLength: 20 }), 'Only these statuses.')),
    leadCountry: Type.Optional(QueryList(Type.String({ maxLength: 3 }), 'Led by these countries.')),
    leadAgency: Type.Optional(QueryList(Type.String({ maxLength: 200 }), 'Led by these agencies.')),
    topic: Type.Optional(QueryList(Type.String({ maxLength: 100 }), 'On these topics.')),
    dueBefore: Type.Optional(Day('Due on or before this day.')),
    dueAfter: Type.Optional(Day('Due on or after this day.')),
    overdue: Type.Optional(
      Type.Boolean({ description: 'Only open commitments past their due day.' }),
    ),
    atRisk: Type.Optional(Type.Boolean({ description: 'Only commitments at risk.' })),
    meetingId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ListCommitmentsPagedQuery = Type.Object(
  { ...ListCommitmentsQuery.properties, ...Paging },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object(
  {
    format: Type.Optional(
      StringEnum(REPORT_FORMATS, { description: 'html (default), pdf or csv.' }),
    ),
    lang: Type.Optional(
      StringEnum(LOCALES, { description: 'en, es or fr; by default from Accept-Language.' }),
    ),
    meeting: Type.Optional({
      ...Uuid,
      description: 'Only the commitments agreed at this meeting.',
    }),
    ...ListCommitmentsQuery.properties,
  },
  { additionalProperties: false },
);

const Month = (description: string) =>
  Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description }));

export const WindowQuery = Type.Object(
  {
    from: Month(
      'First month of the indicator trend, YYYY-MM (default: 12 months before the meeting).',
    ),
    to: Month('Last month, YYYY-MM (default: this month).'),
  },
  { additionalProperties: false },
);

export const ProgressBody = Type.Object(
  {
    status: Text(`The new status: ${STATUSES.join(', ')}; by default it stays.`, 20),
    note: Text('What was done, what is pending. Required.', 10_000),
    evidence: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 50,
        description: 'Ids of records and documents that show it.',
      }),
    ),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);

export const IndicatorParams = Type.Object(
  { name: Type.String({ pattern: '^[a-z0-9_]{1,64}$', description: INDICATOR_NAMES.join(', ') }) },
  { additionalProperties: false, [PATH_KIND]: 'indicator' },
);

export const IndicatorQuery = Type.Object(
  {
    from: Month('First month, YYYY-MM (default: 11 months ago).'),
    to: Month('Last month, YYYY-MM (default: this month).'),
    target: Type.Optional(Type.Number({ minimum: 0, description: 'Compare each month with it.' })),
  },
  { additionalProperties: false },
);

export const IndicatorList = Type.Array(
  Type.Object({
    name: Type.String(),
    unit: Type.String(),
    direction: Type.String(),
    source: Type.String(),
  }),
);
