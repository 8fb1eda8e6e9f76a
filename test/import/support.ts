import { AppError } from '../../src/domain/errors.js';
import { compileMapping } from '../../src/import/mapping/compile-mapping.js';
import type { Call } from '../../src/services/context.js';
import { importFile, type ImportInput } from '../../src/services/imports/import-file.js';
import type { Reject } from '../../src/services/imports/outcome.js';

/** Bytes in chunks of `size`, so multi-byte characters and rows straddle chunk edges. */
export async function* chunks(data: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const latin1 = (s: string): Uint8Array =>
  Uint8Array.from(
    [...s].map((c) => {
      const code = c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not Latin-1: ${c}`);
      return code;
    }),
  );

export interface RunOptions extends Omit<Partial<ImportInput>, 'mapping' | 'bytes'> {
  mapping?: string;
  chunk?: number;
}

/** Imports text or bytes; returns the summary and the rows set aside. */
export async function runImport(call: Call, data: string | Uint8Array, options: RunOptions = {}) {
  const rejects: Reject[] = [];
  const summary = await importFile(call, {
    fileName: 'partner.ndjson',
    ...options,
    bytes: chunks(data, options.chunk ?? 7),
    mapping: options.mapping ? compileMapping(options.mapping) : undefined,
    onReject: (r) => void rejects.push(r),
  });
  return { summary, rejects };
}

/** The refusal of an import, as its problem code and params. */
export async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, ...err.params, details: err.details };
    throw err;
  }
  throw new Error('the import was not refused');
}

export const ndjson = (...lines: unknown[]) =>
  lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
