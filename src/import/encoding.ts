import { ImportProblem } from './problem.js';

/** The encodings partners send; Latin-1 is read as Windows-1252, its superset in practice. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  ansi: 'windows-1252',
};

export function parseEncoding(name: string): Encoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

const BOMS: readonly [Encoding, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(head: Uint8Array): [Encoding, number] | undefined {
  for (const [encoding, bytes] of BOMS) {
    if (bytes.every((b, i) => head[i] === b)) return [encoding, bytes.length];
  }
  return undefined;
}

/** Whether bytes hold a multi-byte UTF-8 sequence (a lead byte followed by continuations). */
function hasUtf8Sequences(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0xc2 && b <= 0xf4 && (bytes[i + 1]! & 0xc0) === 0x80) return true;
  }
  return false;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: a sequence cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Text files have no NUL bytes and few control characters; anything else is refused early. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.01;
}

/**
 * Decodes a byte stream to text. Without a declared encoding: a BOM decides; else the text is
 * read as UTF-8 until a byte proves it is not, and if everything before that byte was ASCII
 * (identical in both), the rest is read as Windows-1252. A file that mixes the two is refused.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  declared?: Encoding,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: Encoding | undefined = declared;
  let sawNonAscii = false;
  let offset = 0;
  let first = true;
  for await (const raw of chunks) {
    let chunk = raw;
    if (first) {
      first = false;
      const bom = bomOf(chunk);
      if (bom) {
        if (declared && declared !== bom[0])
          throw new ImportProblem('encoding_mismatch', { declared, found: bom[0] });
        encoding = bom[0];
        chunk = chunk.subarray(bom[1]);
        offset = bom[1];
      } else {
        if (looksBinary(chunk.subarray(0, 65536))) throw new ImportProblem('binary_file');
        if (declared === 'windows-1252' && isValidUtf8(chunk) && hasUtf8Sequences(chunk))
          throw new ImportProblem('encoding_mismatch', { declared, found: 'utf-8' });
      }
    }
    if (encoding && encoding !== 'utf-8') {
      decoder ??= new TextDecoder(encoding);
      yield decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      continue;
    }
    decoder ??= new TextDecoder('utf-8', { fatal: true });
    try {
      const text = decoder.decode(chunk, { stream: true });
      if (!sawNonAscii && /[^\p{ASCII}]/u.test(text)) sawNonAscii = true;
      yield text;
      offset += chunk.length;
    } catch {
      const bad = offset + firstInvalidUtf8(chunk);
      if (encoding === 'utf-8' || sawNonAscii)
        throw new ImportProblem('invalid_utf8', { byte: bad, declared: encoding ?? 'detected' });
      // Nothing non-ASCII came before: the file is Windows-1252 from the start.
      encoding = 'windows-1252';
      decoder = new TextDecoder(encoding);
      yield decoder.decode(chunk, { stream: true });
      offset += chunk.length;
    }
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

function firstInvalidUtf8(chunk: Uint8Array): number {
  let lo = 0;
  let hi = chunk.length;
  // The longest valid prefix, by halving: decoding is linear, so this stays cheap.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isValidUtf8(chunk.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
