import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { HttpProblem } from '../problem.js';
import { problemResponses } from '../schemas/problem.js';

const Status = Type.Object({ status: Type.Literal('ok') });
const schema = (summary: string) => ({
  tags: ['operations'],
  summary,
  security: [],
  response: { 200: Status },
});

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get('/healthz', { schema: schema('The process is up') }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    {
      schema: {
        ...schema('The database answers'),
        response: { 200: Status, ...problemResponses(503) },
      },
    },
    async (req) => {
      try {
        await sql`SELECT 1`.execute(db);
      } catch (err) {
        req.log.warn({ err }, 'database not ready');
        throw new HttpProblem({
          status: 503,
          code: 'not_ready',
          title: 'api:title.not_ready',
          detail: 'api:detail.not_ready',
        });
      }
      return { status: 'ok' as const };
    },
  );
};
