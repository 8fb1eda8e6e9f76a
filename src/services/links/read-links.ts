import { notFound } from '../../domain/errors.js';
import { findLink, listLinkVersions, queryLinks } from '../../storage/links.js';
import { findRecord } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import { presentLink, presentLinkVersion, type LinkVersionView, type LinkView } from './present.js';

export async function getLink(call: Call, id: string): Promise<LinkView> {
  return audited(
    call,
    'link.get',
    { id },
    async (tx) => {
      const row = await findLink(tx, id);
      if (!row) throw notFound('link', id);
      return { result: presentLink(row), ids: [id] };
    },
    { readOnly: true },
  );
}

export async function listLinkHistory(call: Call, id: string): Promise<LinkVersionView[]> {
  return audited(
    call,
    'link.versions',
    { id },
    async (tx) => {
      const rows = await listLinkVersions(tx, id);
      if (rows.length === 0) throw notFound('link', id);
      return { result: rows.map(presentLinkVersion), ids: [id], count: rows.length };
    },
    { readOnly: true },
  );
}

export interface ListLinksInput {
  recordId?: string;
  type?: string[];
  includeRetracted?: boolean;
  cursor?: string;
  limit?: number;
}

export async function listLinks(call: Call, input: ListLinksInput): Promise<Page<LinkView>> {
  return audited(
    call,
    'link.list',
    { ...input, cursor: undefined },
    async (tx) => {
      const limit = pageLimit(input.limit);
      const before = decodeCursor(input.cursor);
      if (input.recordId && !(await findRecord(tx, input.recordId)))
        throw notFound('record', input.recordId);
      const rows = await queryLinks(tx, {
        recordId: input.recordId,
        linkType: input.type,
        includeRetracted: input.includeRetracted,
        before,
        limit: limit + 1,
      });
      const page = toPage(rows, limit, presentLink);
      return { result: page, ids: page.items.map((l) => l.id) };
    },
    { readOnly: true },
  );
}
