import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { remarkRecord, retractRecord, updateRecord } from '../../services/records/change-record.js';
import { createRecord } from '../../services/records/create-record.js';
import { callOf } from '../auth.js';
import { closedAsConflict } from './cooperation-problems.js';
import { problemResponses } from '../schemas/problem.js';
import { RemarkBody, RetractBody } from '../schemas/changes.js';
import {
  CreateRecordBody,
  RecordParams,
  RecordView,
  UpdateRecordBody,
} from '../schemas/records.js';

const tags = ['records'];
/** Only the originating agency changes a record (403 not_originator); 409 on a stale version. */
const changed = { 200: RecordView, ...problemResponses(403, 404, 409) };

export const recordWriteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/records',
    {
      schema: {
        tags,
        summary: 'Contribute a record',
        body: CreateRecordBody,
        response: { 201: RecordView, ...problemResponses(403) },
      },
    },
    async (req, reply) => {
      const record = await createRecord(callOf(req), req.body);
      return reply.code(201).header('location', `/api/v1/records/${record.id}`).send(record);
    },
  );

  app.patch(
    '/records/:id',
    {
      schema: {
        tags,
        summary: "Replace a record's properties",
        params: RecordParams,
        body: UpdateRecordBody,
        response: changed,
      },
    },
    (req) =>
      updateRecord(callOf(req), req.params.id, req.body).catch((err: unknown) => {
        throw closedAsConflict(err);
      }),
  );

  app.post(
    '/records/:id/remark',
    {
      schema: {
        tags,
        summary: 'Change the marking or releasability',
        params: RecordParams,
        body: RemarkBody,
        response: changed,
      },
    },
    (req) => remarkRecord(callOf(req), req.params.id, req.body),
  );

  app.post(
    '/records/:id/retract',
    {
      schema: {
        tags,
        summary: 'Withdraw a record (kept in history)',
        params: RecordParams,
        body: RetractBody,
        response: changed,
      },
    },
    (req) => retractRecord(callOf(req), req.params.id, req.body),
  );
};
