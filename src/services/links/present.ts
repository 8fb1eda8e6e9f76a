import type { LinkRow, LinkVersionRow } from '../../storage/links.js';
import { presentProvenance, type SharingView } from '../records/present.js';

export interface LinkView extends SharingView {
  id: string;
  type: string;
  sourceId: string;
  targetId: string;
  version: number;
  properties: Record<string, string[]>;
  agency: string;
  sourceRef: string | null;
  retracted: boolean;
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
}

export interface LinkVersionView extends SharingView {
  version: number;
  change: string;
  properties: Record<string, string[]>;
  agency: string;
  sourceRef: string | null;
  retracted: boolean;
  changedBy: string;
  changedAt: string;
}

export const presentLink = (l: LinkRow): LinkView => ({
  id: l.id,
  type: l.link_type,
  sourceId: l.source_id,
  targetId: l.target_id,
  version: l.version,
  properties: l.properties,
  ...presentProvenance(l),
  createdBy: l.created_by,
  createdAt: l.created_at.toISOString(),
});

export const presentLinkVersion = (v: LinkVersionRow): LinkVersionView => ({
  version: v.version,
  change: v.change,
  properties: v.properties,
  ...presentProvenance(v),
});
