import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createCommitment } from '../../services/cooperation/create-commitment.js';
import { exportCommitmentsCsv } from '../../services/cooperation/export-commitments.js';
import { progressReport } from '../../services/cooperation/progress-report.js';
import { getCommitment, listCommitments } from '../../services/cooperation/read-commitments.js';
import { updateCommitment } from '../../services/cooperation/update-commitment.js';
import { negotiateLocale } from '../../i18n/index.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  CommitmentPage,
  CommitmentParams,
  CommitmentView,
  CreateCommitmentBody,
  ListCommitmentsPagedQuery,
  ListCommitmentsQuery,
  ProgressBody,
  ReportQuery,
  WindowQuery,
} from '../schemas/cooperation.js';
import { answered } from './cooperation-problems.js';

const tags = ['cooperation'];

export const commitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/commitments',
    {
      schema: {
        tags,
        summary: 'Record a commitment agreed at a meeting',
        description:
          'A Commitment record with its `agreed_at` link to the meeting, a `responsible_for` link from each owner, and optionally the indicator it is measured by. Refused (422), with nothing written, without a lead country and agency, with a due date before the meeting, or with a lead or partner that was not at the meeting.',
        body: CreateCommitmentBody,
        response: { 201: CommitmentView, ...problemResponses(403) },
      },
    },
    async (req, reply) => {
      const c = await answered(req, () => createCommitment(callOf(req), req.body));
      return reply.code(201).header('location', `/api/v1/commitments/${c.id}`).send(c);
    },
  );

  app.get(
    '/commitments',
    {
      schema: {
        tags,
        summary: 'Commitments you may see, soonest due first',
        description:
          'Filter by status, lead country or agency, topic, meeting, due dates; `overdue` lists open commitments past their due day, `atRisk` those at risk.',
        querystring: ListCommitmentsPagedQuery,
        response: { 200: CommitmentPage },
      },
    },
    (req) => answered(req, () => listCommitments(callOf(req), req.query)),
  );

  app.get(
    '/commitments.csv',
    {
      schema: {
        tags,
        summary: 'The commitments you may see as CSV (same filters, up to 10,000 rows)',
        querystring: ListCommitmentsQuery,
        response: { 200: Type.String({ description: 'text/csv' }) },
      },
    },
    async (req, reply) => {
      const csv = await answered(req, () => exportCommitmentsCsv(callOf(req), req.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="commitments.csv"')
        .send(csv);
    },
  );

  app.get(
    '/commitments/report',
    {
      schema: {
        tags,
        summary: 'The progress report for the next meeting, as HTML, PDF or CSV',
        description:
          "Counts by status, the overdue and at-risk lists, every commitment by status with its lead, due date, days overdue, latest progress note and indicator trend, each with its portion marking; the banner carries the most restrictive marking. The same filters as the list, or `meeting` for one meeting's commitments; only what you may see, audited as one read. `lang` (en, es, fr) defaults to Accept-Language.",
        querystring: ReportQuery,
        produces: ['text/html', 'application/pdf', 'text/csv'],
        response: {
          200: Type.Unsafe<string | Buffer>({
            type: 'string',
            format: 'binary',
            description: 'The HTML, PDF or CSV document.',
          }),
          ...problemResponses(404),
        },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? negotiateLocale(req.headers['accept-language']);
      const out = await answered(req, () => progressReport(callOf(req), { ...req.query, lang }));
      return reply
        .type(out.contentType)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .header('content-language', lang)
        .send(out.body);
    },
  );

  app.get(
    '/commitments/:id',
    {
      schema: {
        tags,
        summary: 'One commitment: its meeting, owners, history of updates and indicator trend',
        params: CommitmentParams,
        querystring: WindowQuery,
        response: { 200: CommitmentView, ...problemResponses(404) },
      },
    },
    (req) => answered(req, () => getCommitment(callOf(req), req.params.id, req.query)),
  );

  app.post(
    '/commitments/:id/updates',
    {
      schema: {
        tags,
        summary: 'Add a progress update: a note, the status, and the records that show it',
        description:
          'Appends a version of the Commitment record (its history keeps every update). Only the originating agency may update (403 not_originator); a done or dropped commitment takes no update (409).',
        params: CommitmentParams,
        body: ProgressBody,
        response: { 200: CommitmentView, ...problemResponses(403, 404, 409) },
      },
    },
    (req) => answered(req, () => updateCommitment(callOf(req), req.params.id, req.body)),
  );
};
