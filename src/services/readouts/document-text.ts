import { convert } from 'html-to-text';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../../domain/errors.js';
import type { Problem } from '../../domain/cooperation/input.js';
import { decodeText } from '../../import/encoding.js';

export const READOUT_FORMATS = ['text', 'html', 'pdf'] as const;
export type ReadoutFormat = (typeof READOUT_FORMATS)[number];

/** A readout as given: pasted text, an HTML page or a PDF (bytes, or base64 in JSON). */
export interface ReadoutSource {
  format?: string;
  content: string | Uint8Array;
  filename?: string;
}

/** PDFs of press statements run to a few megabytes at most. */
export const MAX_READOUT_BYTES = 10 * 1024 * 1024;

const refuse = (problem: Problem): never => {
  throw new AppError('validation_failed', {}, [problem]);
};

const notText = (expected: string) =>
  refuse({ code: 'readout_not_text', field: 'content', expected });

const isPdf = (bytes: Uint8Array) =>
  bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

const looksLikeHtml = (text: string) =>
  /^\s*(?:<!doctype html|<html|<body|<head|<p[\s>]|<div[\s>])/i.test(text);

/** Control characters other than tabs and line breaks, and the replacement character. */
const isControl = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd;

/** Text with more than a trace of control characters is not a readout. */
function checkText(text: string): string {
  let control = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) control++;
  if (control > 0 && control / text.length > 0.001)
    notText('text (UTF-8 or Windows-1252), HTML or PDF');
  return text;
}

async function decodeBytes(bytes: Uint8Array): Promise<string> {
  let text = '';
  try {
    for await (const part of decodeText(
      (async function* () {
        yield bytes;
      })(),
    ))
      text += part;
  } catch {
    notText('text (UTF-8 or Windows-1252), HTML or PDF');
  }
  return checkText(text);
}

function htmlText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  if (!isPdf(bytes)) return notText('a PDF file (it starts with %PDF-)');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    // A PDF of scanned pages has no text to read.
    if (!text.trim())
      refuse({
        code: 'readout_no_text',
        field: 'content',
        expected: 'a PDF with text in it, not scanned images',
      });
    // pdf.js ends every line; a paragraph ends where a line ends a sentence.
    return text.replace(/([.!?:;])\n/g, '$1\n\n');
  } catch (err) {
    if (err instanceof AppError) throw err;
    return refuse({
      code: 'readout_unreadable',
      field: 'content',
      expected: 'a PDF file that opens',
    });
  }
}

/**
 * The plain text of a readout, whatever it came as. Bytes are sniffed: a PDF by its signature,
 * HTML by its first tag, else text in UTF-8 or Windows-1252 (as Mexican government exports
 * often are). A stated format is checked, not trusted.
 */
export async function documentText(
  source: ReadoutSource,
): Promise<{ text: string; format: ReadoutFormat }> {
  const format = source.format?.trim().toLowerCase();
  if (
    format !== undefined &&
    format !== '' &&
    !(READOUT_FORMATS as readonly string[]).includes(format)
  )
    refuse({
      code: 'invalid_choice',
      field: 'format',
      value: format,
      expected: READOUT_FORMATS.join(', '),
      params: { values: READOUT_FORMATS.join(', ') },
    });
  const size =
    typeof source.content === 'string' ? source.content.length : source.content.byteLength;
  if (
    size >
    (format === 'pdf' && typeof source.content === 'string'
      ? (MAX_READOUT_BYTES * 4) / 3
      : MAX_READOUT_BYTES)
  )
    refuse({
      code: 'too_long',
      field: 'content',
      expected: `at most ${MAX_READOUT_BYTES / 1024 / 1024} MB`,
      params: { max: `${MAX_READOUT_BYTES / 1024 / 1024} MB` },
    });

  if (typeof source.content !== 'string') {
    const bytes = source.content;
    if (format === 'pdf' || (!format && isPdf(bytes)))
      return { text: await pdfText(bytes), format: 'pdf' };
    if (isPdf(bytes)) notText(`${format} (this is a PDF: say --format pdf)`);
    const text = await decodeBytes(bytes);
    const html = format === 'html' || (!format && looksLikeHtml(text));
    return html ? { text: htmlText(text), format: 'html' } : { text, format: 'text' };
  }
  if (format === 'pdf') {
    const base64 = source.content.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) notText('a PDF file in base64');
    return { text: await pdfText(Buffer.from(base64, 'base64')), format: 'pdf' };
  }
  if (source.content.startsWith('%PDF-'))
    notText('text or HTML (this is a PDF: send it as format pdf, in base64)');
  const text = checkText(source.content);
  const html = format === 'html' || (!format && looksLikeHtml(text));
  return html ? { text: htmlText(text), format: 'html' } : { text, format: 'text' };
}
