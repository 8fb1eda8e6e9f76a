import i18n from '../i18n/i18n';
import type { Problem } from './types';

/** An answer the API refused: the problem document, in the reader's language. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
    this.name = 'ApiError';
  }
}

/** The server could not be reached or answered something that is not the API. */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

const CSRF_COOKIE = 'puente_csrf';
let sessionLost: () => void = () => undefined;

/** Called when the session ends under the app's feet (idle time-out, token revoked). */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

/** The CSRF token the server put in a readable cookie; its presence says a session may exist. */
export function csrfCookie(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`))
    ?.slice(CSRF_COOKIE.length + 1);
}

type Params = Record<string, string | readonly string[] | undefined>;

/** A query string; lists repeat their parameter (country=MX&country=US). */
export function withQuery(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : (value ?? [])) {
      if (v !== '') search.append(key, v);
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  // The server refuses a change made with the cookie unless it carries this token.
  const csrf = csrfCookie();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError();
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new NetworkError();
  const body: unknown = await res.json();
  if (!res.ok) {
    const problem = body as Problem;
    if (res.status === 401 && path !== '/session') sessionLost();
    throw new ApiError(problem);
  }
  return body as T;
}
