import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getLink, listLinkHistory, listLinks } from '../../services/links/read-links.js';
import { callOf } from '../auth.js';
import {
  LinkPage,
  LinkParams,
  LinkVersionView,
  LinkView,
  ListLinksQuery,
} from '../schemas/links.js';
import { problemResponses } from '../schemas/problem.js';

const tags = ['links'];

export const linkReadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/links',
    {
      schema: {
        tags,
        summary: 'List links (of a record, of some types)',
        querystring: ListLinksQuery,
        response: { 200: LinkPage, ...problemResponses(404) },
      },
    },
    (req) => listLinks(callOf(req), req.query),
  );

  app.get(
    '/links/:id',
    {
      schema: {
        tags,
        summary: 'Get a link',
        params: LinkParams,
        response: { 200: LinkView, ...problemResponses(404) },
      },
    },
    (req) => getLink(callOf(req), req.params.id),
  );

  app.get(
    '/links/:id/versions',
    {
      schema: {
        tags,
        summary: 'The versions of a link',
        params: LinkParams,
        response: { 200: Type.Array(LinkVersionView), ...problemResponses(404) },
      },
    },
    (req) => listLinkHistory(callOf(req), req.params.id),
  );
};
