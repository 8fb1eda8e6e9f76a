import { AppError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import { isCountryCode, parseMarking, type SharingInput } from '../../domain/policy/sharing.js';
import type { RowSharing } from '../../import/items.js';
import { invalidRow } from '../../import/problem.js';
import type { Tx } from '../../storage/session.js';
import { resolveSharing } from '../sharing.js';

export type SharingColumns = ReturnType<typeof sharingToColumns>;

/**
 * Turns the sharing a row, the command line or the mapping sets (first one that says) into
 * database columns. Nothing said means TLP:AMBER+STRICT to the importing agency alone, so a
 * forgotten flag never shares partner data wider than its contributor.
 */
export function rowSharingResolver(tx: Tx, viewer: Viewer, ...defaults: RowSharing[]) {
  const cache = new Map<string, Promise<SharingColumns>>();
  return async (row: RowSharing, line: number): Promise<SharingColumns> => {
    const pick = <K extends keyof RowSharing>(k: K) =>
      [row, ...defaults].find((s) => s[k] !== undefined)?.[k];
    const marking = (pick('marking') as string | undefined) ?? 'AMBER+STRICT';
    const rel = (pick('rel') as string[] | undefined) ?? [];
    let recipients = (pick('recipients') as string[] | undefined) ?? [];
    if (recipients.length === 0 && parseMarking(marking) === 'AMBER+STRICT')
      recipients = [viewer.agency];
    const input: SharingInput = {
      marking,
      relCountries: rel.filter((r) => isCountryCode(r.trim().toUpperCase())),
      relAgencies: rel.filter((r) => !isCountryCode(r.trim().toUpperCase())),
      recipientAgencies: recipients.filter((r) => !isUuid(r.trim())),
      recipientUsers: recipients.filter((r) => isUuid(r.trim())),
    };
    const key = JSON.stringify(input);
    let resolved = cache.get(key);
    if (!resolved) {
      resolved = resolveSharing(tx, input).then(sharingToColumns);
      cache.set(key, resolved);
    }
    try {
      return await resolved;
    } catch (err) {
      cache.delete(key);
      if (err instanceof AppError && err.code === 'validation_failed')
        throw invalidRow(line, err.details);
      throw err;
    }
  };
}
