import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { acceptReadout } from '../../services/readouts/accept-readout.js';
import { MAX_READOUT_BYTES } from '../../services/readouts/document-text.js';
import { proposeReadout } from '../../services/readouts/propose-readout.js';
import { callOf } from '../auth.js';
import { problemResponses } from '../schemas/problem.js';
import {
  AcceptedReadout,
  AcceptReadoutBody,
  ProposeReadoutBody,
  ReadoutProposal,
} from '../schemas/readouts.js';
import { answered } from './cooperation-problems.js';

const tags = ['cooperation'];
// A PDF in base64 is a third larger than the file, and the proposal rides along on accept.
const bodyLimit = Math.ceil((MAX_READOUT_BYTES * 4) / 3) + 2 * 1024 * 1024;

/** Readouts and press statements: read into a proposal, then saved as reviewed. */
export const readoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/readouts/propose',
    {
      bodyLimit,
      schema: {
        tags,
        summary: 'Read a readout into a proposal (nothing is saved)',
        description:
          'Proposes the meeting (date, place, parties, topics), the participants with their titles and agencies, each matched against the persons you may see, the organizations, places and dates, and the candidate commitments. Refused (422) when the text is empty, is not text, or is not in English, Spanish or French.',
        body: ProposeReadoutBody,
        response: { 200: ReadoutProposal, ...problemResponses() },
      },
    },
    (req) => answered(req, () => proposeReadout(callOf(req), req.body)),
  );

  app.post(
    '/readouts',
    {
      bodyLimit,
      schema: {
        tags,
        summary: 'Save a reviewed readout: the meeting, its document, participants and commitments',
        description:
          'In one transaction under the sharing rules given: the meeting with its participants (known persons kept, new Person records for the others), the readout as its document, and each commitment kept, agreed at the meeting. Refused whole (422, each problem naming its field, e.g. `commitments[1].dueDate`) when anything is missing.',
        body: AcceptReadoutBody,
        response: { 201: AcceptedReadout, ...problemResponses(403) },
      },
    },
    async (req, reply) => {
      const saved = await answered(req, () => acceptReadout(callOf(req), req.body));
      return reply.code(201).header('location', `/api/v1/meetings/${saved.meeting.id}`).send(saved);
    },
  );
};
