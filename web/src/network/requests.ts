import { ApiError, NetworkError, withQuery } from '../api/client';
import type { Problem } from '../api/types';
import i18n from '../i18n/i18n';
import { filterQuery, type Scope } from './scope';
import type { Measure, PathMode } from './types';

// The API paths the explorer reads, each with the current filters.

const node = (id: string) => encodeURIComponent(id);

export const aroundPath = (scope: Scope, entity: string, hops: number, maxNodes: number) =>
  withQuery(`/network/around/${node(entity)}`, {
    hops: String(hops),
    maxNodes: String(maxNodes),
    ...filterQuery(scope),
  });

export const pathPath = (scope: Scope, a: string, b: string, mode: PathMode) =>
  withQuery('/network/path', { a, b, mode, ...filterQuery(scope) });

export const keyPlayersPath = (scope: Scope, community: string, top = 10) =>
  withQuery('/network/key-players', { community, top: String(top), ...filterQuery(scope) });

export const disruptPath = (scope: Scope, community: string, remove: number, measure: Measure) =>
  withQuery('/network/disrupt', {
    community,
    remove: String(remove),
    measure,
    ...filterQuery(scope),
  });

export const exportPath = (
  scope: Scope,
  format: 'graphml' | 'gexf' | 'json',
  entity: string,
  hops: number,
) => withQuery('/network/export', { format, entity, hops: String(hops), ...filterQuery(scope) });

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Downloads an API file (an export) with the session cookie; a refusal comes back as the
 * server's problem, in the reader's language, rather than as a saved error page.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      credentials: 'same-origin',
      headers: { 'accept-language': i18n.language },
    });
  } catch {
    throw new NetworkError();
  }
  if (!res.ok) {
    if (!(res.headers.get('content-type') ?? '').includes('json')) throw new NetworkError();
    throw new ApiError((await res.json()) as Problem);
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveFile(await res.blob(), name);
  return name;
}
