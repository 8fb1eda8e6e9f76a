import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import type { NewLinkVersion } from '../../storage/links.js';
import type { NewRecordVersion } from '../../storage/records.js';
import { validateRecord } from '../records/validate-record.js';

export type SharingColumns = { marking: string; rel_to: string[]; recipients: string[] };

/** Version 1 of a new record of the viewer's agency, validated and indexed like any record. */
export function newRecordVersion(
  viewer: Viewer,
  schema: string,
  properties: Record<string, string[]>,
  sharing: SharingColumns,
  sourceRef: string | null = null,
): NewRecordVersion {
  return {
    record_id: newId(),
    version: 1,
    schema,
    agency: viewer.agency,
    created_by: viewer.userId,
    changed_by: viewer.userId,
    change: 'create',
    source_ref: sourceRef,
    retracted: false,
    ...validateRecord(schema, properties),
    ...sharing,
  };
}

/** Version 1 of a new link of the viewer's agency; its properties are already checked. */
export function newLinkVersion(
  viewer: Viewer,
  type: string,
  sourceId: string,
  targetId: string,
  properties: Record<string, string[]>,
  sharing: SharingColumns,
): NewLinkVersion {
  return {
    link_id: newId(),
    version: 1,
    link_type: type,
    source_id: sourceId,
    target_id: targetId,
    agency: viewer.agency,
    created_by: viewer.userId,
    changed_by: viewer.userId,
    change: 'create',
    source_ref: null,
    properties,
    retracted: false,
    ...sharing,
  };
}

/** Link properties from optional values: only those given. */
export const linkProperties = (values: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter((e): e is [string, string] => !!e[1])
      .map(([k, v]) => [k, [v]]),
  );

/**
 * Runs a record's validation naming the input's fields, not the record's properties: a bad
 * document URL is `documents[2].url`, not `properties.sourceUrl`.
 */
export function asFields<T>(fields: Record<string, string>, make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    throw new AppError(
      err.code,
      err.params,
      err.details.map((d) => {
        const property = d.field?.replace(/^properties\./, '') ?? '';
        return { ...d, field: fields[property] ?? d.field };
      }),
    );
  }
}
