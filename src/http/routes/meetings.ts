import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createMeeting } from '../../services/cooperation/create-meeting.js';
import { getMeeting, listMeetings } from '../../services/cooperation/read-meetings.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  CreateMeetingBody,
  ListMeetingsQuery,
  MeetingPage,
  MeetingParams,
  MeetingView,
} from '../schemas/cooperation.js';
import { answered } from './cooperation-problems.js';

const tags = ['cooperation'];

export const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Record a bilateral or trilateral meeting with its delegations and documents',
        description:
          'One Meeting record, a Person record for each new participant and a Document record for each new document, and the links between them (`attended` with the title and agency of the time, `mentions` with the kind of document), all under the sharing rules given, all or nothing.',
        body: CreateMeetingBody,
        response: { 201: MeetingView, ...problemResponses(403) },
      },
    },
    async (req, reply) => {
      const meeting = await answered(req, () => createMeeting(callOf(req), req.body));
      return reply.code(201).header('location', `/api/v1/meetings/${meeting.id}`).send(meeting);
    },
  );

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings you may see, latest first',
        querystring: ListMeetingsQuery,
        response: { 200: MeetingPage },
      },
    },
    (req) => answered(req, () => listMeetings(callOf(req), req.query)),
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'One meeting: its delegations, the commitments agreed at it and its documents',
        description:
          'Only what you may see: a participant, commitment or document not shared with you is left out.',
        params: MeetingParams,
        response: { 200: MeetingView, ...problemResponses(404) },
      },
    },
    (req) => answered(req, () => getMeeting(callOf(req), req.params.id)),
  );
};
