import type { Call } from '../../src/services/context.js';
import { listLinks } from '../../src/services/links/read-links.js';

/** The link types at a record, as the caller sees them. */
export async function queryLinksOf(call: Call, recordId: string): Promise<string[]> {
  const page = await listLinks(call, { recordId });
  return page.items.map((l) => l.type);
}
