import { Type } from '@sinclair/typebox';
import { DOCUMENT_KINDS } from '../../domain/cooperation/meeting.js';
import { READOUT_LANGUAGES } from '../../domain/cooperation/readout/language.js';
import { READOUT_FORMATS } from '../../services/readouts/document-text.js';
import { MEETING_FORMATS } from '../../domain/model/schema-defs.js';
import { Nullable, SharingFields, StringEnum } from './common.js';

/** A readout sent for reading: its text, an HTML page, or a PDF in base64. */
const Source = {
  format: Type.Optional(
    StringEnum(READOUT_FORMATS, {
      description:
        'text, html or pdf; without it, a PDF is known by its signature and HTML by its first tag.',
    }),
  ),
  content: Type.String({
    maxLength: 14_000_000,
    description: 'The readout: text or HTML as is, a PDF in base64 (at most 10 MB).',
  }),
  filename: Type.Optional(Type.String({ maxLength: 300 })),
};

export const ProposeReadoutBody = Type.Object(Source, { additionalProperties: false });

const Str = Type.String();
const NullStr = Nullable(Str);

const Match = Type.Object({
  personId: Str,
  name: Str,
  score: Type.Number(),
  reasons: Type.Array(Str, { description: 'The features that agreed, e.g. "given: alias".' }),
});

const ProposalParticipant = Type.Object({
  name: Str,
  title: NullStr,
  agency: NullStr,
  agencyName: NullStr,
  country: NullStr,
  match: Nullable(Match),
  candidates: Type.Array(Type.Object({ personId: Str, name: Str, score: Type.Number() })),
});

const CandidateCommitment = Type.Object({
  text: Str,
  sentence: Str,
  cue: Type.String({
    description: 'The words that made it a commitment ("agreed to", "acordaron").',
  }),
  topic: NullStr,
  leadCountry: NullStr,
  leadAgency: NullStr,
  partnerCountries: Type.Array(Str),
  dueDate: NullStr,
});

export const ReadoutProposal = Type.Object({
  language: StringEnum(READOUT_LANGUAGES),
  kind: StringEnum(DOCUMENT_KINDS),
  title: Str,
  meeting: Type.Object({
    name: NullStr,
    date: NullStr,
    endDate: NullStr,
    place: NullStr,
    countries: Type.Array(Str),
    format: Nullable(StringEnum(MEETING_FORMATS)),
    topics: Type.Array(Str),
  }),
  participants: Type.Array(ProposalParticipant),
  organizations: Type.Array(Type.Object({ name: Str, agency: NullStr, country: NullStr })),
  places: Type.Array(Str),
  dates: Type.Array(Str),
  commitments: Type.Array(CandidateCommitment),
});

export const AcceptReadoutBody = Type.Object(
  {
    ...Source,
    ...SharingFields,
    proposal: Type.Object(
      {},
      {
        additionalProperties: true,
        description:
          "The proposal as reviewed: corrected fields, a participant's match set to one of its candidates or to null (a new Person), participants and commitments not kept left out. Checked field by field like a meeting and its commitments.",
      },
    ),
  },
  { additionalProperties: false },
);

export const AcceptedReadout = Type.Object({
  meeting: Type.Object({ id: Str }),
  document: Type.Object({ id: Str }),
  participants: Type.Array(Type.Object({ id: Str, name: Str, created: Type.Boolean() })),
  commitments: Type.Array(Type.Object({ id: Str })),
});
