import type { Role } from '../domain/identity/viewer.js';

/** A demo user by agency and role, e.g. "FGR/analyst". */
export type Who = `${string}/${Role}`;

export interface SharingSpec {
  marking: string;
  relCountries?: string[];
  relAgencies?: string[];
  recipientAgencies?: string[];
  /** RED recipients, named by agency and role; resolved to user ids when seeding. */
  recipientUsers?: Who[];
}

/** A record contributed by `by`; `key` lets links refer to it. */
export interface RecordSpec extends SharingSpec {
  key: string;
  by: Who;
  schema: string;
  properties: Record<string, string | string[]>;
  sourceRef?: string;
}

/** A link between two records by key; its contributor must see both ends. */
export interface LinkSpec extends SharingSpec {
  by: Who;
  type: string;
  source: string;
  target: string;
  properties?: Record<string, string | string[]>;
}

export interface DemoStory {
  records: RecordSpec[];
  links: LinkSpec[];
}
