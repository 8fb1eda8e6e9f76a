import { ApiError, csrfCookie, NetworkError } from '../api/client';
import i18n from '../i18n/i18n';
import type { ImportJob, RejectedRow } from './types';

/** A request the JSON client cannot make (a multipart upload, an NDJSON answer). */
async function send(path: string, init: { method?: 'POST'; body?: FormData } = {}) {
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  const csrf = csrfCookie();
  if (init.method === 'POST' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new NetworkError();
  }
  if (!res.ok) {
    if (!(res.headers.get('content-type') ?? '').includes('json')) throw new NetworkError();
    throw new ApiError(await res.json());
  }
  return res;
}

export interface ImportChoices {
  file: File;
  marking: string;
  rel: string;
  recipients: string;
  format: string;
  /** The mapping's text (YAML or JSON); none for the native format. */
  mapping?: string;
  skipInvalid: boolean;
}

/** Uploads the file with its options (the file last, as the server reads the parts in order). */
export async function submitImport(c: ImportChoices): Promise<ImportJob> {
  const form = new FormData();
  if (c.marking) form.append('marking', c.marking);
  if (c.rel.trim()) form.append('rel', c.rel.trim());
  if (c.recipients.trim()) form.append('recipients', c.recipients.trim());
  if (c.format) form.append('format', c.format);
  if (c.skipInvalid) form.append('skipInvalid', 'true');
  if (c.mapping !== undefined) form.append('mapping', c.mapping);
  form.append('file', c.file, c.file.name);
  return (await send('/imports', { method: 'POST', body: form })).json() as Promise<ImportJob>;
}

/** The rows a job set aside (NDJSON, one per line). */
export async function fetchRejects(id: string): Promise<RejectedRow[]> {
  const text = await (await send(`/imports/${id}/rejects`)).text();
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RejectedRow);
}
