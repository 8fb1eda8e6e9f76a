import { priorModel, type MatchModel } from '../../domain/resolution/model.js';
import type { EntityKind } from '../../domain/resolution/profile.js';
import { newestModels, readModel } from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';

const cache = new Map<string, MatchModel>();
const CACHED = 8;

export type Models = Record<EntityKind, MatchModel>;

/**
 * The models in force: the last ones `puente resolve` fitted, or the priors before any run.
 * Fitted models are large (name frequencies), so each is parsed once per process; the key
 * includes the creation time because tests open many databases whose ids repeat.
 */
export async function modelsFor(tx: Tx): Promise<Models> {
  const out: Models = { person: priorModel('person'), organization: priorModel('organization') };
  for (const newest of await newestModels(tx)) {
    const key = `${newest.kind}:${newest.id}:${newest.created_at.getTime()}`;
    let model = cache.get(key);
    if (!model) {
      model = await readModel(tx, newest.id);
      if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
      cache.set(key, model);
    }
    out[newest.kind] = model;
  }
  return out;
}

export async function modelFor(tx: Tx, kind: EntityKind): Promise<MatchModel> {
  return (await modelsFor(tx))[kind];
}
