import type { Call } from '../services/context.js';
import { createLink } from '../services/links/create-link.js';
import { createRecord } from '../services/records/create-record.js';
import type { Db } from '../storage/database.js';
import { viewerOf, type DemoUser } from './seed-staff.js';
import type { DemoStory, SharingSpec, Who } from './spec.js';

const PURPOSE = 'demo data';

/**
 * Enters the story's records and links through the services, each as the user who contributes
 * it, so the demo data passes the same validation, sharing rules and audit as real input.
 */
export async function tellStory(db: Db, users: DemoUser[], story: DemoStory) {
  const byWho = new Map(users.map((u) => [`${u.agency}/${u.role}`, u]));
  const user = (who: Who) => {
    const u = byWho.get(who);
    if (!u) throw new Error(`demo story names unknown user ${who}`);
    return u;
  };
  const callOf = (who: Who): Call => ({ db, viewer: viewerOf(user(who)), purpose: PURPOSE });
  const sharing = (s: SharingSpec) => ({
    marking: s.marking,
    relCountries: s.relCountries,
    relAgencies: s.relAgencies,
    recipientAgencies: s.recipientAgencies,
    recipientUsers: s.recipientUsers?.map((w) => user(w).userId),
  });

  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`demo story links unknown record ${key}`);
    return id;
  };
  for (const r of story.records) {
    if (ids.has(r.key)) throw new Error(`demo story has two records ${r.key}`);
    const created = await createRecord(callOf(r.by), {
      schema: r.schema,
      properties: r.properties,
      sourceRef: r.sourceRef,
      ...sharing(r),
    });
    ids.set(r.key, created.id);
  }
  for (const l of story.links) {
    await createLink(callOf(l.by), {
      type: l.type,
      sourceId: idOf(l.source),
      targetId: idOf(l.target),
      properties: l.properties,
      ...sharing(l),
    });
  }
  return { records: story.records.length, links: story.links.length };
}
