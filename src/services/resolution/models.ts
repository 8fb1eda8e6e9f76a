import { priorModel, type MatchModel } from '../../domain/resolution/model.js';
import type { EntityKind } from '../../domain/resolution/profile.js';
import { newestModel, readModel } from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';

const cache = new Map<string, MatchModel>();
const CACHED = 8;

/**
 * The model in force for a kind: the last one `puente resolve` fitted, or the prior before any
 * run. Fitted models are large (name frequencies), so each is parsed once per process; the key
 * includes the creation time because tests open many databases whose ids repeat.
 */
export async function modelFor(tx: Tx, kind: EntityKind): Promise<MatchModel> {
  const newest = await newestModel(tx, kind);
  if (!newest) return priorModel(kind);
  const key = `${kind}:${newest.id}:${newest.created_at.getTime()}`;
  const known = cache.get(key);
  if (known) return known;
  const model = await readModel(tx, newest.id);
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, model);
  return model;
}
