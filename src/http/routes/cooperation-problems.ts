import type { FastifyRequest } from 'fastify';
import { negotiateLocale, translator } from '../../i18n/index.js';
import { markAudited } from '../../services/audited.js';
import { isClosedRefusal, localizeProblem } from '../../services/cooperation/problems.js';
import { HttpProblem } from '../problem.js';

/**
 * Runs a cooperation service for a request and words its refusals in the reader's language
 * (Accept-Language). A progress update to a closed commitment gets its own explanation.
 */
export async function answered<T>(req: FastifyRequest, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw closedAsConflict(
      localizeProblem(err, translator(negotiateLocale(req.headers['accept-language']))),
    );
  }
}

/**
 * A change refused because the commitment is done or dropped, as the 409 that explains it (a
 * progress update, or a plain record update of a Commitment); any other error as it is.
 */
export function closedAsConflict(err: unknown): unknown {
  if (!isClosedRefusal(err)) return err;
  const problem = new HttpProblem({
    status: 409,
    code: 'conflict',
    detail: 'errors:cooperation.closed',
    params: err.params,
    errors: err.details,
  });
  // The service audited the refusal; this is the same one, worded for the reader.
  markAudited(problem);
  return problem;
}
