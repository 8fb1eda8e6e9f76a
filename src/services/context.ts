import type { Viewer } from '../domain/identity/viewer.js';
import type { Db } from '../storage/database.js';

/** What every service call receives: the store, who asks, and why. */
export interface Call {
  db: Db;
  viewer: Viewer | null;
  /** The need-to-know justification, recorded in the audit log. */
  purpose?: string;
  /**
   * The operator at the command line (database owner): administers agencies, users and tokens,
   * never reads records. Audited with no user.
   */
  operator?: boolean;
}
