import { Type } from '@sinclair/typebox';
import { DERIVED_TIES, NODE_KINDS } from '../../domain/network/ties.js';
import { ALGORITHMS } from '../../services/network/communities.js';
import { MEASURES } from '../../services/network/disrupt.js';
import { EXPORT_FORMATS } from '../../services/network/export.js';
import { PATH_MODES } from '../../services/network/path.js';
import { LINK_TYPE_NAMES } from '../../domain/model/index.js';
import { Day, Nullable, QueryList, StringEnum } from './common.js';

const Kind = StringEnum(NODE_KINDS);
const TieType = StringEnum([...LINK_TYPE_NAMES, ...DERIVED_TIES]);

const EntityRef = (description: string) =>
  Type.String({ minLength: 1, maxLength: 300, description });

/** The scope every analysis takes. */
const Scope = {
  from: Type.Optional(Day('Only ties and events on or after this day.')),
  to: Type.Optional(Day('Only ties and events on or before this day.')),
  kind: Type.Optional(QueryList(Kind, 'Only nodes of these kinds.')),
  tie: Type.Optional(QueryList(TieType, 'Only ties of these types.')),
  country: Type.Optional(
    QueryList(Type.String({ minLength: 2, maxLength: 2 }), 'Only nodes tied to these countries.'),
  ),
};

const Partitioning = {
  algorithm: Type.Optional(StringEnum(ALGORITHMS, { description: 'Default louvain.' })),
  resolution: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, maximum: 10, description: 'Above 1: smaller communities.' }),
  ),
};

const Community = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: 300,
    description: 'A community: its number (1 is the largest), or any entity in it.',
  }),
);

const Players = Type.Optional(
  QueryList(Kind, 'The kinds of node ranked (default person, organization, company).'),
);

export const AroundParams = Type.Object(
  { entity: EntityRef('An entity or record id, or a phone/vehicle/firearm/address node id.') },
  { additionalProperties: false },
);
export const AroundQuery = Type.Object(
  {
    hops: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'Default 2.' })),
    maxNodes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5000, description: 'Nearest first; default 500.' }),
    ),
    ...Scope,
  },
  { additionalProperties: false },
);

export const PathQuery = Type.Object(
  {
    a: EntityRef('One end.'),
    b: EntityRef('The other end.'),
    mode: Type.Optional(
      StringEnum(PATH_MODES, { description: 'Fewest hops (default) or strongest ties.' }),
    ),
    ...Scope,
  },
  { additionalProperties: false },
);

export const CommunitiesQuery = Type.Object(
  {
    ...Partitioning,
    minSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Default 3.' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Default 50.' })),
    ...Scope,
  },
  { additionalProperties: false },
);

export const KeyPlayersQuery = Type.Object(
  {
    community: Community,
    top: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Default 10.' })),
    players: Players,
    samples: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 5000,
        description: 'Betweenness pivots on networks above 3,000 nodes (default 256).',
      }),
    ),
    ...Partitioning,
    ...Scope,
  },
  { additionalProperties: false },
);

export const DisruptQuery = Type.Object(
  {
    community: Type.String({ minLength: 1, maxLength: 300, description: 'Number or member.' }),
    remove: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Default 3.' })),
    measure: Type.Optional(StringEnum(MEASURES, { description: 'Default largest_component.' })),
    players: Players,
    ...Partitioning,
    ...Scope,
  },
  { additionalProperties: false },
);

export const GrowthQuery = Type.Object(
  { community: Community, ...Partitioning, ...Scope },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object(
  {
    format: StringEnum(EXPORT_FORMATS),
    community: Community,
    entity: Type.Optional(EntityRef('Export this entity’s neighbourhood.')),
    hops: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    ...Partitioning,
    ...Scope,
  },
  { additionalProperties: false },
);

export const NodeView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  label: Type.String(),
  marking: Type.String(),
  countries: Type.Array(Type.String()),
  date: Nullable(Type.String()),
  records: Type.Array(Type.String(), { description: 'The first 5 records behind it.' }),
  recordCount: Type.Integer(),
});

const Tie = Type.Object({
  type: Type.String(),
  count: Type.Integer(),
  first: Nullable(Type.String()),
  last: Nullable(Type.String()),
  sources: Type.Array(Type.String(), {
    description: 'Records and links behind it (the first 5; exports: the first 20).',
  }),
  marking: Type.String(),
});

export const EdgeView = Type.Object({
  source: Type.String(),
  target: Type.String(),
  weight: Type.Number(),
  first: Nullable(Type.String()),
  last: Nullable(Type.String()),
  marking: Type.String(),
  ties: Type.Array(Tie),
});

export const AroundResult = Type.Object({
  center: Type.String(),
  hops: Type.Integer(),
  nodes: Type.Array(Type.Intersect([NodeView, Type.Object({ distance: Type.Integer() })])),
  edges: Type.Array(EdgeView),
  truncated: Type.Boolean(),
});

export const PathResult = Type.Object({
  mode: Type.String(),
  found: Type.Boolean(),
  nodes: Type.Array(NodeView),
  edges: Type.Array(EdgeView),
  strength: Nullable(Type.Number()),
});

export const CommunitiesResult = Type.Object({
  algorithm: Type.String(),
  modularity: Type.Number(),
  count: Type.Integer(),
  nodes: Type.Integer(),
  edges: Type.Integer(),
  listed: Type.Integer(),
  offset: Type.Integer(),
  communities: Type.Array(
    Type.Object({
      id: Type.Integer(),
      size: Type.Integer(),
      ties: Type.Integer(),
      kinds: Type.Record(Type.String(), Type.Integer()),
      marking: Type.String(),
      members: Type.Array(NodeView),
    }),
  ),
});

export const KeyPlayersResult = Type.Object({
  community: Nullable(Type.Integer()),
  nodes: Type.Integer(),
  edges: Type.Integer(),
  betweenness: Type.Object({
    exact: Type.Boolean(),
    samples: Type.Integer(),
    errorBound: Nullable(Type.Number({ description: 'Additive error, 95% confidence.' })),
  }),
  players: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      node: NodeView,
      score: Type.Number(),
      betweenness: Type.Number(),
      pagerank: Type.Number(),
      degree: Type.Integer(),
      strength: Type.Number(),
      core: Type.Integer(),
      cutPoint: Type.Boolean(),
    }),
  ),
});

export const DisruptResult = Type.Object({
  community: Type.Integer(),
  nodes: Type.Integer(),
  edges: Type.Integer(),
  measure: Type.String(),
  initial: Type.Number(),
  final: Type.Number(),
  approximate: Type.Boolean(),
  steps: Type.Array(
    Type.Object({
      node: NodeView,
      before: Type.Number(),
      after: Type.Number(),
      components: Type.Integer(),
    }),
  ),
});

export const GrowthResult = Type.Object({
  community: Nullable(Type.Integer()),
  undatedMembers: Type.Integer(),
  undatedTies: Type.Integer(),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      newMembers: Type.Integer(),
      members: Type.Integer(),
      newTies: Type.Integer(),
      ties: Type.Integer(),
    }),
  ),
});

export const StructureResult = Type.Object({
  community: Nullable(Type.Integer()),
  nodes: Type.Integer(),
  edges: Type.Integer(),
  components: Type.Object({ count: Type.Integer(), sizes: Type.Array(Type.Integer()) }),
  core: Type.Object({ k: Type.Integer(), size: Type.Integer(), members: Type.Array(NodeView) }),
  cutPoints: Type.Object({ count: Type.Integer(), nodes: Type.Array(NodeView) }),
  bridges: Type.Object({ count: Type.Integer(), edges: Type.Array(EdgeView) }),
});
