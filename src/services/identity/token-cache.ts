import type { Viewer } from '../../domain/identity/viewer.js';
import type { Db } from '../../storage/database.js';

/**
 * How long a resolved token is trusted without asking the database again. A revocation made
 * through this process takes effect at once; one made elsewhere (the CLI, another server), an
 * expiry or a disabled user, within this bound.
 */
export const TOKEN_TRUST_MS = 5_000;

// Enough for every active token of a deployment; the oldest entry goes first when full.
const MAX_TOKENS = 10_000;

/** Viewers of recently presented tokens, by token hash. Refusals are never kept. */
export class TokenCache {
  private readonly viewers = new Map<string, { viewer: Viewer; until: number }>();
  private generation = 0;

  constructor(
    private readonly trustMs = TOKEN_TRUST_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(hash: string): Viewer | undefined {
    const found = this.viewers.get(hash);
    if (!found) return undefined;
    if (found.until > this.now()) return found.viewer;
    this.viewers.delete(hash);
    return undefined;
  }

  /** Marks the start of a lookup: its answer is kept only if nothing was forgotten meanwhile. */
  ticket(): number {
    return this.generation;
  }

  set(hash: string, viewer: Viewer, ticket: number): void {
    // A lookup that raced a revocation may have read the token as still valid.
    if (ticket !== this.generation || this.trustMs <= 0) return;
    if (this.viewers.size >= MAX_TOKENS) {
      this.viewers.delete(this.viewers.keys().next().value!);
    }
    this.viewers.set(hash, { viewer, until: this.now() + this.trustMs });
  }

  forgetToken(tokenId: string): void {
    this.generation++;
    for (const [hash, { viewer }] of this.viewers) {
      if (viewer.tokenId === tokenId) this.viewers.delete(hash);
    }
  }
}

const caches = new WeakMap<Db, TokenCache>();

/** The cache shared by everything in this process that authenticates against `db`. */
export function tokenCacheOf(db: Db): TokenCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new TokenCache()));
  return cache;
}
