import {
  canSee,
  canSeeLink,
  canSeeVersion,
  type RefMarked,
  type RefSharing,
  type RefViewer,
} from './reference.js';

/*
 * Everything the tests wrote to the database, version by version, and what each read path must
 * answer for a viewer according to the reference rules. Ids sort like the database's uuid order
 * (lower-case hex), which is the newest-first order of every list.
 */

export interface RefVersion extends RefSharing {
  version: number;
  retracted: boolean;
}

export interface RefRecordVersion extends RefVersion {
  name: string;
}

export interface RefRecord {
  id: string;
  schema: string;
  agency: string;
  createdBy: string;
  versions: RefRecordVersion[];
}

export interface RefLink {
  id: string;
  type: string;
  sourceId: string;
  targetId: string;
  agency: string;
  createdBy: string;
  versions: RefVersion[];
}

export interface RecordFilter {
  q?: string;
  schema?: readonly string[];
  agency?: readonly string[];
  includeRetracted?: boolean;
}

export interface LinkFilter {
  recordId?: string;
  includeRetracted?: boolean;
}

const newestFirst = (ids: string[]) => ids.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

/** Case and accents dropped, the way people type names. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Every word must be one of the name's words; a last word written with a star ("gon*") may be
 * unfinished (a prefix of two letters or more), as in type-ahead.
 */
export function nameMatches(name: string, q: string): boolean {
  const have = words(name);
  const want = words(q);
  const typeAhead = /\*\s*$/.test(q);
  if (want.length === 0) return false;
  return want.every((w, i) =>
    typeAhead && i === want.length - 1 && w.length >= 2
      ? have.some((h) => h.startsWith(w))
      : have.includes(w),
  );
}

export class RefWorld {
  readonly records = new Map<string, RefRecord>();
  readonly links = new Map<string, RefLink>();

  head(r: RefRecord | RefLink): RefMarked & RefVersion {
    const v = r.versions.at(-1)!;
    return { ...v, agency: r.agency, createdBy: r.createdBy };
  }

  record(id: string): RefRecord {
    const r = this.records.get(id);
    if (!r) throw new Error(`no record ${id} in the model`);
    return r;
  }

  link(id: string): RefLink {
    const l = this.links.get(id);
    if (!l) throw new Error(`no link ${id} in the model`);
    return l;
  }

  seesRecord(v: RefViewer, id: string): boolean {
    return canSee(v, this.head(this.record(id)));
  }

  seesLink(v: RefViewer, id: string): boolean {
    const l = this.link(id);
    return canSeeLink(
      v,
      this.head(l),
      this.head(this.record(l.sourceId)),
      this.head(this.record(l.targetId)),
    );
  }

  /** Version numbers the viewer may read, oldest first; empty when the record is invisible. */
  recordVersions(v: RefViewer, id: string): number[] {
    const r = this.record(id);
    const headVisible = this.seesRecord(v, id);
    return r.versions
      .filter((x) =>
        canSeeVersion(v, { ...x, agency: r.agency, createdBy: r.createdBy }, headVisible),
      )
      .map((x) => x.version);
  }

  linkVersions(v: RefViewer, id: string): number[] {
    const l = this.link(id);
    const headVisible = this.seesLink(v, id);
    return l.versions
      .filter((x) =>
        canSeeVersion(v, { ...x, agency: l.agency, createdBy: l.createdBy }, headVisible),
      )
      .map((x) => x.version);
  }

  /**
   * What a list or search returns, newest first. Retracted records leave the search index, so a
   * text query never finds them, with or without includeRetracted.
   */
  listRecords(v: RefViewer, f: RecordFilter): string[] {
    const out: string[] = [];
    for (const r of this.records.values()) {
      const head = this.head(r);
      if (!canSee(v, head)) continue;
      if (head.retracted && (!f.includeRetracted || f.q !== undefined)) continue;
      if (f.schema && !f.schema.includes(r.schema)) continue;
      if (f.agency && !f.agency.includes(r.agency)) continue;
      if (f.q !== undefined && !nameMatches(r.versions.at(-1)!.name, f.q)) continue;
      out.push(r.id);
    }
    return newestFirst(out);
  }

  listLinks(v: RefViewer, f: LinkFilter): string[] {
    const out: string[] = [];
    for (const l of this.links.values()) {
      if (!this.seesLink(v, l.id)) continue;
      if (this.head(l).retracted && !f.includeRetracted) continue;
      if (f.recordId && l.sourceId !== f.recordId && l.targetId !== f.recordId) continue;
      out.push(l.id);
    }
    return newestFirst(out);
  }

  /** Row counts a viewer's own SQL must find: the same rules, with no service in between. */
  counts(v: RefViewer) {
    let records = 0;
    let recordVersions = 0;
    let indexed = 0;
    for (const r of this.records.values()) {
      if (!this.seesRecord(v, r.id)) continue;
      records++;
      recordVersions += this.recordVersions(v, r.id).length;
      if (!this.head(r).retracted) indexed++;
    }
    let links = 0;
    let linkVersions = 0;
    for (const l of this.links.values()) {
      if (!this.seesLink(v, l.id)) continue;
      links++;
      linkVersions += this.linkVersions(v, l.id).length;
    }
    return { records, recordVersions, indexed, links, linkVersions };
  }
}
