import { foldText } from '../../text/fold.js';
import { invalid, valid, type ValueResult } from '../result.js';

function key(s: string): string {
  return foldText(s)
    .trim()
    .replace(/[\s_-]+/g, ' ');
}

/** Matches ignoring case, accents and "on-track"/"on_track" spellings; returns the canonical option. */
export function normaliseEnum(raw: string, options: readonly string[]): ValueResult {
  const wanted = key(raw);
  const match = options.find((o) => key(o) === wanted);
  if (match !== undefined) return valid(match);
  return invalid('invalid_choice', `one of: ${options.join(', ')}`);
}
