import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Scope } from '../../domain/network/scope.js';
import type { NodeKind } from '../../domain/network/ties.js';
import { networkAround } from '../../services/network/around.js';
import { networkCommunities } from '../../services/network/communities.js';
import { networkDisrupt } from '../../services/network/disrupt.js';
import { exportNetwork } from '../../services/network/export.js';
import { networkGrowth } from '../../services/network/growth.js';
import { networkKeyPlayers } from '../../services/network/key-players.js';
import { networkPath } from '../../services/network/path.js';
import { networkStructure } from '../../services/network/structure.js';
import type { NetworkProgress } from '../../services/network/with-network.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  AroundParams,
  AroundQuery,
  AroundResult,
  CommunitiesQuery,
  CommunitiesResult,
  DisruptQuery,
  DisruptResult,
  ExportQuery,
  GrowthQuery,
  GrowthResult,
  KeyPlayersQuery,
  KeyPlayersResult,
  PathQuery,
  PathResult,
  StructureResult,
} from '../schemas/network.js';

const tags = ['network'];

const SCOPE_NOTE =
  'Built only from the records and links you may see: nothing in the answer reflects anything else. `from`/`to` restrict to a date window; `kind`, `tie` and `country` filter nodes and ties.';

/** The query's scope parameters (singular, as repeated in a URL) as the services take them. */
function scopeOf<Q extends { kind?: NodeKind[]; tie?: string[]; country?: string[] }>(q: Q) {
  const { kind, tie, country, ...rest } = q;
  const scope: Scope = { kinds: kind, ties: tie, countries: country };
  return { ...rest, ...scope };
}

/**
 * Calls an analysis off when its asker goes away: a long one (communities or betweenness over
 * a large network) stops its worker instead of computing for nobody.
 */
function untilClosed(reply: FastifyReply): NetworkProgress {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return { signal: controller.signal };
}

export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Answers run to hundreds of kilobytes (a 2-hop neighbourhood: hundreds of nodes and ties),
  // where V8's own JSON.stringify takes half the time of the schema-compiled serializer and
  // hands the socket one flat string. Every answer is built field by field by the services'
  // views (services/network/present.ts), so nothing beyond the schema can ride along.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.get(
    '/network/around/:entity',
    {
      schema: {
        tags,
        summary: 'An entity’s network to k hops',
        description: `Nearest first, at most maxNodes. ${SCOPE_NOTE}`,
        params: AroundParams,
        querystring: AroundQuery,
        response: { 200: AroundResult, ...problemResponses(404, 422) },
      },
    },
    (req, reply) =>
      networkAround(
        callOf(req),
        { entity: req.params.entity, ...scopeOf(req.query) },
        untilClosed(reply),
      ),
  );

  app.get(
    '/network/path',
    {
      schema: {
        tags,
        summary: 'How two entities connect: fewest hops or strongest ties',
        description: SCOPE_NOTE,
        querystring: PathQuery,
        response: { 200: PathResult, ...problemResponses(404, 422) },
      },
    },
    (req, reply) => networkPath(callOf(req), scopeOf(req.query), untilClosed(reply)),
  );

  app.get(
    '/network/communities',
    {
      schema: {
        tags,
        summary: 'Communities (Louvain or Leiden), largest first',
        description: `Numbered 1 (largest) onwards for this state of your network. ${SCOPE_NOTE}`,
        querystring: CommunitiesQuery,
        response: { 200: CommunitiesResult, ...problemResponses(422) },
      },
    },
    (req, reply) => networkCommunities(callOf(req), scopeOf(req.query), untilClosed(reply)),
  );

  app.get(
    '/network/key-players',
    {
      schema: {
        tags,
        summary: 'Leaders and brokers of a community, or of the whole network',
        description: `Betweenness (exact up to 3,000 nodes, sampled beyond with its error stated), PageRank, degree, core number and cut points. ${SCOPE_NOTE}`,
        querystring: KeyPlayersQuery,
        response: { 200: KeyPlayersResult, ...problemResponses(404, 422) },
      },
    },
    (req, reply) => networkKeyPlayers(callOf(req), scopeOf(req.query), untilClosed(reply)),
  );

  app.get(
    '/network/disrupt',
    {
      schema: {
        tags,
        summary: 'Which few removals fragment a community most',
        description: `Greedy: each step removes the person or organization whose removal shrinks the largest remaining piece (or the efficiency) most. ${SCOPE_NOTE}`,
        querystring: DisruptQuery,
        response: { 200: DisruptResult, ...problemResponses(404, 422) },
      },
    },
    (req, reply) => networkDisrupt(callOf(req), scopeOf(req.query), untilClosed(reply)),
  );

  app.get(
    '/network/growth',
    {
      schema: {
        tags,
        summary: 'Members and ties by month',
        description: SCOPE_NOTE,
        querystring: GrowthQuery,
        response: { 200: GrowthResult, ...problemResponses(404, 422) },
      },
    },
    (req, reply) => networkGrowth(callOf(req), scopeOf(req.query), untilClosed(reply)),
  );

  app.get(
    '/network/structure',
    {
      schema: {
        tags,
        summary: 'How a community, or the whole network, holds together',
        description: `Connected pieces, the innermost k-core, cut points (nodes whose removal splits their piece) and bridges (ties whose removal does); the first 100 of each are listed. ${SCOPE_NOTE}`,
        querystring: GrowthQuery,
        response: { 200: StructureResult, ...problemResponses(404, 422) },
      },
    },
    (req, reply) => networkStructure(callOf(req), scopeOf(req.query), untilClosed(reply)),
  );

  app.get(
    '/network/export',
    {
      schema: {
        tags,
        summary: 'The network, a community or a neighbourhood as GraphML, GEXF (Gephi) or JSON',
        description: `Every node and tie carries its TLP marking; the graph carries the most restrictive. ${SCOPE_NOTE}`,
        querystring: ExportQuery,
        produces: ['application/graphml+xml', 'application/gexf+xml', 'application/json'],
        response: {
          200: Type.String({ description: 'The GraphML, GEXF or JSON document.' }),
          ...problemResponses(404, 422),
        },
      },
    },
    async (req, reply) => {
      const out = await exportNetwork(callOf(req), scopeOf(req.query), untilClosed(reply));
      return reply
        .type(out.contentType)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .send(out.body);
    },
  );
};
