import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { explainMatch } from '../../services/resolution/explain-match.js';
import { getEntity } from '../../services/resolution/get-entity.js';
import { judgePair, mergeEntities, splitEntity } from '../../services/resolution/judge-pair.js';
import { listReview } from '../../services/resolution/list-review.js';
import { searchEntities } from '../../services/resolution/search-entities.js';
import { callOf } from '../auth.js';
import {
  DecisionBody,
  EntityHits,
  EntityParams,
  EntityView,
  ExplainQuery,
  JudgementList,
  MatchExplanation,
  MergeBody,
  ReviewPage,
  ReviewQuery,
  SearchEntitiesQuery,
  SplitBody,
} from '../schemas/entities.js';
import { problemResponses } from '../schemas/problem.js';

const tags = ['entities'];
/** Decisions name records the viewer must see: an unseen one answers 404 like an unknown one. */
const judged = { 200: JudgementList, ...problemResponses(403, 404) };

export const entityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/entities',
    {
      schema: {
        tags,
        summary: 'Find persons and organizations by name, fuzzily',
        description:
          'Nicknames, initials, missing accents and small typos are allowed. Each hit is an entity as you see it: only records you may see are part of it.',
        querystring: SearchEntitiesQuery,
        response: { 200: EntityHits },
      },
    },
    (req) => searchEntities(callOf(req), req.query),
  );

  // A static path: it is matched before /entities/:id.
  app.get(
    '/entities/review',
    {
      schema: {
        tags,
        summary: 'Uncertain pairs to judge, least certain first',
        description:
          'Pairs that may be one entity but are below a match, with no decision yet, made of two records you may see.',
        querystring: ReviewQuery,
        response: { 200: ReviewPage },
      },
    },
    (req) => listReview(callOf(req), req.query),
  );

  app.get(
    '/entities/:id',
    {
      schema: {
        tags,
        summary: 'The entity a record belongs to, its records side by side',
        description:
          'Any of its records’ ids finds it. It is made only of what you may see; its id is its oldest record you may see.',
        params: EntityParams,
        response: { 200: EntityView, ...problemResponses(404) },
      },
    },
    (req) => getEntity(callOf(req), req.params.id),
  );

  app.post(
    '/entities/:id/split',
    {
      schema: {
        tags,
        summary: 'Split records off an entity',
        description:
          'Each record named is judged different from every record that stays; those split off stay together when they match each other.',
        params: EntityParams,
        body: SplitBody,
        response: judged,
      },
    },
    (req) => splitEntity(callOf(req), { id: req.params.id, ...req.body }),
  );

  app.post(
    '/entities/merge',
    {
      schema: {
        tags,
        summary: 'Merge two entities (their records are judged the same)',
        body: MergeBody,
        response: judged,
      },
    },
    (req) => mergeEntities(callOf(req), req.body),
  );

  app.get(
    '/match/explain',
    {
      schema: {
        tags,
        summary: 'Why two records are, or are not, one entity, feature by feature',
        querystring: ExplainQuery,
        response: { 200: MatchExplanation, ...problemResponses(404) },
      },
    },
    (req) => explainMatch(callOf(req), req.query.a, req.query.b),
  );

  app.post(
    '/match/decisions',
    {
      schema: {
        tags,
        summary: 'Judge a pair of records: same, different or unsure',
        description:
          'The decision holds in every later resolution; the entities of both records follow at once.',
        body: DecisionBody,
        response: judged,
      },
    },
    (req) => judgePair(callOf(req), req.body),
  );
};
