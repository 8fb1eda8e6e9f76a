import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createToken, listTokens, revokeToken } from '../../services/identity/tokens.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  CreateTokenBody,
  NewTokenView,
  TokenParams,
  TokenView,
  UserParams,
} from '../schemas/identity.js';

const tags = ['users'];

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users/:id/tokens',
    {
      schema: {
        tags,
        summary: "A user's tokens, newest first (admins of the user's agency); never the secrets",
        params: UserParams,
        response: { 200: Type.Array(TokenView), ...problemResponses(403, 404) },
      },
    },
    (req) => listTokens(callOf(req), req.params.id),
  );

  app.post(
    '/users/:id/tokens',
    {
      schema: {
        tags,
        summary: 'Issue an API token for a user of your agency (admins); the secret is shown once',
        params: UserParams,
        body: CreateTokenBody,
        response: { 201: NewTokenView, ...problemResponses(403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createToken(callOf(req), { userId: req.params.id, ...req.body })),
  );

  app.post(
    '/tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a token (your own, or as admin one of your agency)',
        params: TokenParams,
        response: { 200: TokenView, ...problemResponses(404) },
      },
    },
    (req) => revokeToken(callOf(req), req.params.id),
  );
};
