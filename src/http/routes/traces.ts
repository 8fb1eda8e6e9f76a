import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { answerTrace } from '../../services/tracing/answer-trace.js';
import { getTrace, listTraces } from '../../services/tracing/read-traces.js';
import { runTraces } from '../../services/tracing/run-traces.js';
import { submitTraces } from '../../services/tracing/submit-traces.js';
import { statsToCsv, traceStats } from '../../services/tracing/trace-stats.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  AnswerBody,
  RunBody,
  RunSummary,
  StatsQuery,
  SubmitBody,
  SubmitResult,
  TracePage,
  TraceListQuery,
  TraceParams,
  TraceStatistics,
  TraceView,
} from '../schemas/traces.js';

const tags = ['traces'];

export const traceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/traces',
    {
      schema: {
        tags,
        summary: 'Submit one firearm trace request, or a batch of up to 1,000',
        description:
          'For agencies that request traces. A batch is all-or-nothing: every problem is named with its line (1-based position in `requests`) and field. A gun your agency already submitted is refused (409) with the earlier request named.',
        body: SubmitBody,
        response: { 201: SubmitResult, ...problemResponses(403, 409, 422) },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const out =
        'requests' in body
          ? await submitTraces(callOf(req), body.requests, { sharing: body.sharing })
          : await submitTraces(callOf(req), [body]);
      if (out.ids.length === 1) reply.header('location', `/api/v1/traces/${out.ids[0]}`);
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/traces',
    {
      schema: {
        tags,
        summary: 'Trace requests, earliest deadline first',
        description:
          'A requesting agency sees its own requests; the tracing agency sees the whole queue. Ranked candidates are shown to the tracing agency only.',
        querystring: TraceListQuery,
        response: { 200: TracePage },
      },
    },
    (req) => listTraces(callOf(req), req.query),
  );

  app.get(
    '/traces/stats',
    {
      schema: {
        tags,
        summary: 'Tracing statistics: share traced to a US retail sale, time-to-crime, rifles',
        description:
          'Over the requests you may see: guns recovered in one country (MX by default) whose trace has an answer, and the share traced to a retail sale in another (US), by year, type and state; the median time-to-crime; rifle recoveries against a base year (2016).',
        querystring: StatsQuery,
        response: { 200: TraceStatistics },
      },
    },
    (req) => traceStats(callOf(req), req.query),
  );

  app.get(
    '/traces/stats.csv',
    {
      schema: {
        tags,
        summary: 'The tracing statistics as CSV',
        querystring: StatsQuery,
        response: { 200: Type.String({ description: 'text/csv' }) },
      },
    },
    async (req, reply) => {
      const csv = statsToCsv(await traceStats(callOf(req), req.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="trace-statistics.csv"')
        .send(csv);
    },
  );

  app.post(
    '/traces/run',
    {
      schema: {
        tags,
        summary: 'Run traces (tracing agency): the queue, or the requests named',
        description:
          'Each request is answered (completed, no record found, serial obliterated, not traceable) or left in progress with ranked candidates when several sales fit. `purchaserSharing` sets who may see each purchaser; by default TLP:AMBER to your country and the requester’s.',
        body: RunBody,
        response: { 200: RunSummary, ...problemResponses(403, 404, 409) },
      },
    },
    (req) => runTraces(callOf(req), req.body),
  );

  app.get(
    '/traces/:id',
    {
      schema: {
        tags,
        summary: 'One trace request: where it stands, its history and its answer',
        params: TraceParams,
        response: { 200: TraceView, ...problemResponses(404) },
      },
    },
    (req) => getTrace(callOf(req), req.params.id),
  );

  app.post(
    '/traces/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer a request by hand (tracing agency)',
        description:
          'Pick the sale among the ranked candidates (`firearmId`), or close the request with a status and a note.',
        params: TraceParams,
        body: AnswerBody,
        response: { 200: TraceView, ...problemResponses(403, 404, 409, 422) },
      },
    },
    async (req) => {
      await answerTrace(callOf(req), req.params.id, req.body);
      return getTrace(callOf(req), req.params.id);
    },
  );
};
