import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { remarkLink, retractLink, updateLink } from '../../services/links/change-link.js';
import { createLink } from '../../services/links/create-link.js';
import { callOf } from '../auth.js';
import { RemarkBody, RetractBody } from '../schemas/changes.js';
import { CreateLinkBody, LinkParams, LinkView, UpdateLinkBody } from '../schemas/links.js';
import { problemResponses } from '../schemas/problem.js';

const tags = ['links'];
/** Only the originating agency changes a link (403 not_originator); 409 on a stale version. */
const changed = { 200: LinkView, ...problemResponses(403, 404, 409) };

export const linkWriteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/links',
    {
      schema: {
        tags,
        summary: 'Link two records you can see',
        body: CreateLinkBody,
        response: { 201: LinkView, ...problemResponses(403, 404) },
      },
    },
    async (req, reply) => {
      const link = await createLink(callOf(req), req.body);
      return reply.code(201).header('location', `/api/v1/links/${link.id}`).send(link);
    },
  );

  app.patch(
    '/links/:id',
    {
      schema: {
        tags,
        summary: "Replace a link's properties",
        params: LinkParams,
        body: UpdateLinkBody,
        response: changed,
      },
    },
    (req) => updateLink(callOf(req), req.params.id, req.body),
  );

  app.post(
    '/links/:id/remark',
    {
      schema: {
        tags,
        summary: 'Change the marking or releasability of a link',
        params: LinkParams,
        body: RemarkBody,
        response: changed,
      },
    },
    (req) => remarkLink(callOf(req), req.params.id, req.body),
  );

  app.post(
    '/links/:id/retract',
    {
      schema: {
        tags,
        summary: 'Withdraw a link',
        params: LinkParams,
        body: RetractBody,
        response: changed,
      },
    },
    (req) => retractLink(callOf(req), req.params.id, req.body),
  );
};
