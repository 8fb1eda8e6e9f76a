import { AppError, notFound } from '../domain/errors.js';
import type { Viewer } from '../domain/identity/viewer.js';
import type { NewVersion } from '../storage/records.js';

export interface Guard {
  /** Optimistic concurrency: refuse if the record or link moved past this version. */
  expectedVersion?: number;
  reason?: string;
}

/**
 * Originator control. An invisible head answers not_found before anything else, so the
 * refusal says nothing about a record the viewer may not see.
 */
export function assertChangeable<H extends { agency: string; retracted: boolean; version: number }>(
  head: H | undefined,
  viewer: Viewer,
  guard: Guard,
  kind: 'record' | 'link',
  id: string,
): asserts head is H {
  if (!head) throw notFound(kind, id);
  if (head.agency !== viewer.agency) throw new AppError('not_originator', { kind, id });
  if (head.retracted) throw new AppError('conflict', { kind, id });
  if (guard.expectedVersion !== undefined && guard.expectedVersion !== head.version) {
    throw new AppError('conflict', { kind, id });
  }
}

interface Head {
  version: number;
  agency: string;
  created_by: string;
  source_ref: string | null;
  properties: Record<string, string[]>;
  marking: string;
  rel_to: string[];
  recipients: string[];
}

/** The next version of a head as its originator writes it: everything carried over. */
export const successorOf = (
  head: Head,
  viewer: Viewer,
  change: NewVersion['change'],
): NewVersion => ({
  version: head.version + 1,
  agency: head.agency,
  created_by: head.created_by,
  changed_by: viewer.userId,
  change,
  source_ref: head.source_ref,
  properties: head.properties,
  marking: head.marking,
  rel_to: head.rel_to,
  recipients: head.recipients,
  retracted: false,
});
