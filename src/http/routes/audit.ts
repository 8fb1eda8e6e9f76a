import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAudit } from '../../services/audit/read-audit.js';
import { callOf } from '../auth.js';
import { AuditPage, AuditQuery } from '../schemas/audit.js';
import { problemResponses } from '../schemas/problem.js';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "Your agency's audit log, newest first (supervisors, admins)",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses(403) },
      },
    },
    async (req) => {
      const page = await listAudit(callOf(req), req.query);
      return { ...page, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
};
