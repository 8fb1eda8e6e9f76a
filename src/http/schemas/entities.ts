import { Type } from '@sinclair/typebox';
import { VERDICTS } from '../../services/resolution/judge-pair.js';
import { MAX_ENTITY_RECORDS } from '../../services/resolution/viewer-entity.js';
import { IdParams, Nullable, Page, Paging, SharingView, StringEnum, Uuid } from './common.js';
import { RecordView } from './records.js';

const KINDS = ['person', 'organization'] as const;
const Kind = StringEnum(KINDS, { description: 'What the entity is: person or organization.' });

/** Any member record's id finds the entity it belongs to. */
export const EntityParams = IdParams('entity');

const RecordId = (description: string) => Type.String({ format: 'uuid', description });

const Note = Type.Optional(
  Type.String({
    maxLength: 2000,
    description: 'Why you decided so; kept with the decision.',
  }),
);

export const SearchEntitiesQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'A name, fuzzily: accents, case, nicknames, initials and small typos are allowed ("Pepe Garcia" finds José García).',
    }),
    kind: Type.Optional(Kind),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 50,
        description: 'Entities to return, 1-50 (default 20).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReviewQuery = Type.Object({ ...Paging }, { additionalProperties: false });

export const ExplainQuery = Type.Object(
  {
    a: RecordId('A person or organization record.'),
    b: RecordId('Another record of the same kind.'),
  },
  { additionalProperties: false },
);

export const SplitBody = Type.Object(
  {
    records: Type.Array(Uuid, {
      maxItems: MAX_ENTITY_RECORDS,
      description:
        "The entity's records to split off (some but not all): each is judged different from every record that stays.",
    }),
    note: Note,
  },
  { additionalProperties: false },
);

export const MergeBody = Type.Object(
  {
    a: RecordId('A record of the first entity.'),
    b: RecordId('A record of the second entity.'),
    note: Note,
  },
  { additionalProperties: false, description: 'The two records are judged the same entity.' },
);

export const DecisionBody = Type.Object(
  {
    a: RecordId('A person or organization record.'),
    b: RecordId('Another record of the same kind.'),
    verdict: StringEnum(VERDICTS, {
      description:
        'same: one entity; different: never one entity; unsure: noted, with no effect on matching.',
    }),
    note: Note,
  },
  { additionalProperties: false },
);

const Pair = {
  a: Type.String({ format: 'uuid' }),
  b: Type.String({ format: 'uuid' }),
};

const Probability = Type.Number({
  minimum: 0,
  maximum: 1,
  description: 'How likely the two are one entity (0-1).',
});
const Bits = (description: string) => Type.Number({ description: `${description}, in bits.` });

export const Judgement = Type.Object({ ...Pair, verdict: StringEnum(VERDICTS) });

export const JudgementList = Type.Array(Judgement, {
  description: 'The decisions recorded, one per pair (a < b).',
});

export const EntityView = Type.Object({
  id: Type.String({
    format: 'uuid',
    description: 'The entity as you see it: its oldest record that you may see.',
  }),
  kind: Kind,
  caption: Type.String(),
  records: Type.Array(RecordView, {
    description: 'The records behind the entity that you may see, oldest first.',
  }),
  pairs: Type.Array(
    Type.Object({ ...Pair, probability: Probability, weight: Bits('Evidence before the prior') }),
    { description: 'How strongly each pair of its records matches.' },
  ),
  decisions: Type.Array(Type.Object({ ...Pair, verdict: Type.String() }), {
    description: "Analysts' decisions in force among its records.",
  }),
  truncated: Type.Boolean({
    description: `More linked records exist than one entity shows (${MAX_ENTITY_RECORDS}).`,
  }),
});

export const EntityHits = Type.Object({
  items: Type.Array(
    Type.Object(
      {
        id: Type.String({ format: 'uuid', description: 'The entity (its oldest visible record).' }),
        kind: Kind,
        caption: Type.String(),
        records: Type.Integer({ description: 'Records in the entity.' }),
        score: Type.Number({
          minimum: 0,
          maximum: 1,
          description: 'How well the best record’s name answers the query (0-1).',
        }),
        matchedRecord: Type.String({
          format: 'uuid',
          description: 'The record that matched best.',
        }),
        ...SharingView,
      },
      { description: 'Marking and releasability are those of the entity’s record (its id).' },
    ),
  ),
});

const ReviewSide = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caption: Type.String(),
  agency: Type.String(),
  schema: Type.String(),
  ...SharingView,
});

export const ReviewPage = Page(
  Type.Object({
    a: ReviewSide,
    b: ReviewSide,
    probability: Probability,
    weight: Bits('Evidence before the prior'),
  }),
);

const Contribution = Type.Object({
  feature: Type.String({ description: 'What was compared (given, surname, birthDate, curp…).' }),
  level: Type.String({ description: 'How well it agrees (exact, fuzzy, different…).' }),
  m: Type.Number({ description: 'Share of true matches that agree at this level.' }),
  u: Type.Number({ description: 'Share of unrelated pairs that agree at this level.' }),
  weight: Bits('log2(m / u)'),
  frequencyAdjustment: Bits(
    'The correction for how common the matched name is (negative for a common one)',
  ),
  value: Type.Optional(Type.String({ description: 'The name value whose frequency was used.' })),
  frequency: Type.Optional(Type.Number({ description: 'Share of records carrying that value.' })),
});

export const MatchExplanation = Type.Object({
  ...Pair,
  kind: Kind,
  features: Type.Array(Contribution, {
    description: 'Each feature that could be compared; a feature either record lacks is left out.',
  }),
  weight: Bits('Total evidence before the prior'),
  priorWeight: Bits('The prior (share of candidate pairs that match)'),
  probability: Probability,
  matchProbability: Type.Number({ description: 'From this probability a pair is a match.' }),
  matchWeight: Bits('The evidence a match needs'),
  conflict: Nullable(
    StringEnum(['curp', 'birthDate'], {
      description: 'A hard reason the two can never be one entity, whatever the score.',
    }),
  ),
  decision: Nullable(
    Type.String({ description: "The analysts' decision in force on this pair, if any." }),
  ),
  sameEntity: Type.Boolean({ description: 'Whether your entity of a includes b.' }),
});
