import { formatMarking, type Sharing } from '../../domain/policy/sharing.js';
import { columnsToSharing } from '../../domain/policy/keys.js';
import type { RecordRow, RecordVersionRow } from '../../storage/records.js';

export interface SharingView extends Omit<Sharing, 'marking'> {
  marking: string;
}

export interface RecordView extends SharingView {
  id: string;
  schema: string;
  version: number;
  caption: string;
  properties: Record<string, string[]>;
  eventDate: string | null;
  countries: string[];
  agency: string;
  sourceRef: string | null;
  retracted: boolean;
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
}

export interface RecordVersionView extends SharingView {
  version: number;
  change: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  agency: string;
  sourceRef: string | null;
  retracted: boolean;
  changedBy: string;
  changedAt: string;
}

interface ProvenanceRow {
  agency: string;
  source_ref: string | null;
  retracted: boolean;
  marking: string;
  rel_to: string[];
  recipients: string[];
  changed_by: string;
  changed_at: Date;
}

/** Who contributed a record or link, under which rules, and who changed it last. */
export const presentProvenance = (r: ProvenanceRow) => ({
  agency: r.agency,
  sourceRef: r.source_ref,
  retracted: r.retracted,
  ...presentSharing(r),
  changedBy: r.changed_by,
  changedAt: r.changed_at.toISOString(),
});

export function presentSharing(row: {
  marking: string;
  rel_to: string[];
  recipients: string[];
}): SharingView {
  const s = columnsToSharing(row);
  return { ...s, marking: formatMarking(s.marking) };
}

export const presentRecord = (r: RecordRow): RecordView => ({
  id: r.id,
  schema: r.schema,
  version: r.version,
  caption: r.caption,
  properties: r.properties,
  eventDate: r.event_date,
  countries: r.countries,
  ...presentProvenance(r),
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

export const presentRecordVersion = (v: RecordVersionRow): RecordVersionView => ({
  version: v.version,
  change: v.change,
  schema: v.schema,
  caption: v.caption,
  properties: v.properties,
  ...presentProvenance(v),
});
