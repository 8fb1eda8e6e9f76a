import type { Viewer } from '../../src/domain/identity/viewer.js';
import { allowsSchema, LINK_TYPES } from '../../src/domain/model/index.js';
import type { Db } from '../../src/storage/database.js';
import { addAgency } from '../../src/services/identity/agencies.js';
import { addUser } from '../../src/services/identity/users.js';
import { createLink } from '../../src/services/links/create-link.js';
import { remarkLink, retractLink } from '../../src/services/links/change-link.js';
import { createRecord } from '../../src/services/records/create-record.js';
import {
  remarkRecord,
  retractRecord,
  updateRecord,
} from '../../src/services/records/change-record.js';
import { operator } from '../support/factories.js';
import { RefWorld, type RefLink, type RefRecord, type RefVersion } from './model.js';
import type { RefSharing } from './reference.js';
import {
  COUNTRIES,
  GIVEN,
  otherMarking,
  pick,
  ROLE_BY_RANK,
  SCHEMAS,
  SURNAMES,
  type SharingSpec,
  type WorldSpec,
} from './world-spec.js';

/*
 * Writes a generated world through the services, so every row exists exactly as a real
 * contributor would have made it, and mirrors each write in the reference model.
 */

export interface Agency {
  code: string;
  country: string;
}

export interface World {
  agencies: Agency[];
  users: Viewer[];
  /** Ids written in this world (the model also holds every earlier world). */
  records: string[];
  links: string[];
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

function resolveSharing(s: SharingSpec, w: World): RefSharing {
  return {
    marking: s.marking,
    relCountries: s.relCountries,
    relAgencies: unique(s.relAgencies.map((i) => pick(w.agencies, i).code)),
    recipientAgencies:
      s.marking === 'AMBER+STRICT'
        ? unique(s.recipientAgencies.map((i) => pick(w.agencies, i).code))
        : [],
    recipientUsers:
      s.marking === 'RED' ? unique(s.recipientUsers.map((i) => pick(w.users, i).userId)) : [],
  };
}

const call = (db: Db, viewer: Viewer) => ({ db, viewer });

function linkTypeFor(source: string, target: string): string | undefined {
  for (const def of LINK_TYPES.values()) {
    if (allowsSchema(def.source, source) && allowsSchema(def.target, target)) return def.name;
  }
  return undefined;
}

function nameFor(schema: string, given: string, surname: string): string {
  if (schema === 'Person') return `${given} ${surname}`;
  if (schema === 'Firearm') return `Rifle ${surname}`;
  return `${surname} Hermanos`;
}

let worlds = 0;

async function buildPeople(db: Db, spec: WorldSpec): Promise<World> {
  // Fresh codes per world: the database is shared by every run of the file.
  const tag = `W${++worlds}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const w: World = { agencies: [], users: [], records: [], links: [] };
  for (const [ci, country] of COUNTRIES.entries()) {
    for (let i = 1; i <= spec.agenciesPerCountry[ci]!; i++) {
      const code = `${tag}${country}${i}`;
      await addAgency(operator(db), { code, name: `${code} agency`, country });
      w.agencies.push({ code, country });
    }
  }
  for (const [ai, agency] of w.agencies.entries()) {
    for (let rank = 0; rank < spec.usersPerAgency[ai]!; rank++) {
      const role = ROLE_BY_RANK[rank]!;
      const u = await addUser(operator(db), {
        agency: agency.code,
        name: `${role} ${rank} of ${agency.code}`,
        role,
      });
      w.users.push({
        userId: u.id,
        name: u.name,
        agency: agency.code,
        country: agency.country,
        role,
      });
    }
  }
  return w;
}

/** Writes one change as actor, then mirrors it as the record's next version in the model. */
async function changeRecord(
  db: Db,
  r: RefRecord,
  actor: Viewer,
  change: Partial<RefRecord['versions'][number]>,
  write: (c: ReturnType<typeof call>) => Promise<unknown>,
) {
  await write(call(db, actor));
  const prev = r.versions.at(-1)!;
  r.versions.push({ ...prev, ...change, version: prev.version + 1 });
}

/** A colleague of the originating agency who can see the record (the creator always can). */
function changer(model: RefWorld, w: World, r: RefRecord, i: number): Viewer {
  const colleagues = w.users.filter((u) => u.agency === r.agency && model.seesRecord(u, r.id));
  return pick(colleagues, i);
}

export async function buildWorld(db: Db, model: RefWorld, spec: WorldSpec): Promise<World> {
  const w = await buildPeople(db, spec);

  for (const s of spec.records) {
    const creator = pick(w.users, s.creator);
    const schema = pick(SCHEMAS, s.schema);
    const name = nameFor(schema, pick(GIVEN, s.given), pick(SURNAMES, s.surname));
    const sharing = resolveSharing(s.sharing, w);
    const view = await createRecord(call(db, creator), {
      schema,
      properties: { name: [name] },
      ...sharing,
    });
    model.records.set(view.id, {
      id: view.id,
      schema,
      agency: creator.agency,
      createdBy: creator.userId,
      versions: [{ version: 1, retracted: false, name, ...sharing }],
    });
    w.records.push(view.id);
  }

  for (const s of spec.links) {
    const source = model.record(pick(w.records, s.source));
    const target = model.record(pick(w.records, s.target));
    const type = linkTypeFor(source.schema, target.schema);
    // Only someone who sees both ends can draw the link.
    const able = w.users.filter(
      (u) => model.seesRecord(u, source.id) && model.seesRecord(u, target.id),
    );
    if (!type || able.length === 0) continue;
    const creator = pick(able, s.creator);
    const sharing = resolveSharing(s.sharing, w);
    const view = await createLink(call(db, creator), {
      type,
      sourceId: source.id,
      targetId: target.id,
      ...sharing,
    });
    model.links.set(view.id, {
      id: view.id,
      type,
      sourceId: source.id,
      targetId: target.id,
      agency: creator.agency,
      createdBy: creator.userId,
      versions: [{ version: 1, retracted: false, ...sharing }],
    });
    w.links.push(view.id);
  }

  for (const s of spec.renames) {
    const r = model.record(pick(w.records, s.record));
    const actor = changer(model, w, r, s.actor);
    const schema = r.schema;
    const name = nameFor(schema, 'Luis', pick(SURNAMES, s.surname));
    await changeRecord(db, r, actor, { name }, (c) =>
      updateRecord(c, r.id, { properties: { name: [name] } }),
    );
  }

  for (const s of spec.remarks) {
    const r = model.record(pick(w.records, s.record));
    const actor = changer(model, w, r, s.actor);
    const sharing = resolveSharing(otherMarking(s.sharing, r.versions.at(-1)!.marking), w);
    await changeRecord(db, r, actor, sharing, (c) => remarkRecord(c, r.id, sharing));
  }

  for (const s of spec.retracts) {
    const r = model.record(pick(w.records, s.record));
    if (r.versions.at(-1)!.retracted) continue;
    const actor = changer(model, w, r, s.actor);
    await changeRecord(db, r, actor, { retracted: true }, (c) => retractRecord(c, r.id, {}));
  }

  if (w.links.length > 0) {
    for (const s of spec.linkRemarks)
      await changeLink(db, model, w, pick(w.links, s.link), s.sharing);
    for (const i of spec.linkRetracts) await changeLink(db, model, w, pick(w.links, i));
  }
  return w;
}

/**
 * Its creator re-marks (given sharing) or retracts a link. After its ends were re-marked the
 * creator may no longer see it: the change must then be refused exactly as for an unknown link.
 */
async function changeLink(db: Db, model: RefWorld, w: World, id: string, spec?: SharingSpec) {
  const l: RefLink = model.link(id);
  const head = l.versions.at(-1)!;
  if (head.retracted) return;
  const creator = w.users.find((u) => u.userId === l.createdBy)!;
  const sharing = spec ? resolveSharing(otherMarking(spec, head.marking), w) : undefined;
  const write = sharing
    ? remarkLink(call(db, creator), id, sharing)
    : retractLink(call(db, creator), id, {});
  if (!model.seesLink(creator, id)) {
    const refused = await write.then(
      () => 'accepted',
      (e: { code?: string }) => e.code,
    );
    if (refused !== 'not_found') {
      throw new Error(`link ${id}: its creator cannot see it, yet the change was ${refused}`);
    }
    return;
  }
  await write;
  const next: RefVersion = {
    ...head,
    ...(sharing ?? { retracted: true }),
    version: head.version + 1,
  };
  l.versions.push(next);
}
