import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import { AppError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import { isCountryCode, type SharingInput } from '../../domain/policy/sharing.js';
import type { Call } from '../../services/context.js';
import { isClosedRefusal, localizeProblem } from '../../services/cooperation/problems.js';
import { callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { printJson } from '../output.js';
import { formatFields } from '../table.js';

// What the meeting and commitment commands share: sharing options, refusals worded in the
// user's language, and the words for statuses and topics.

export interface SharingOptions {
  marking?: string;
  rel?: string;
  recipients?: string;
}

/** --marking, --rel and --recipients, as `puente import` has them. */
export const sharingOptions = (cmd: Command, ctx: CliContext): Command =>
  cmd
    .option('--marking <tlp>', ctx.t('cli:cooperation.marking'))
    .option('--rel <list>', ctx.t('cli:cooperation.rel'))
    .option('--recipients <list>', ctx.t('cli:cooperation.recipients'));

/** Comma-separated values, trimmed, blanks dropped. */
export const commaList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Sharing rules from the options: --rel mixes countries and agencies, --recipients agencies and user ids. */
export function sharingOf(o: SharingOptions): SharingInput {
  const rel = commaList(o.rel).map((s) => s.toUpperCase());
  const recipients = commaList(o.recipients);
  return {
    marking: o.marking,
    relCountries: rel.filter(isCountryCode),
    relAgencies: rel.filter((r) => !isCountryCode(r)),
    recipientAgencies: recipients.filter((r) => !isUuid(r)).map((r) => r.toUpperCase()),
    recipientUsers: recipients.filter(isUuid),
  };
}

/** Only the sharing options actually given, to lay over a file's own sharing rules. */
export function givenSharing(s: SharingInput): Partial<SharingInput> {
  return Object.fromEntries(
    Object.entries(s).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v)),
  );
}

/** A JSON body from a file (the API's shape), for entries too rich for options. */
export function readJsonFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', { kind: 'file', id: file });
  }
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AppError('validation_failed', {}, [
    { code: 'invalid_json', field: file, expected: 'one JSON object, as the API takes it' },
  ]);
}

/**
 * Runs a cooperation service and words its refusals in the user's language. An update to a
 * closed commitment is explained in full, and exits as a conflict (5).
 */
export async function worded<T>(ctx: CliContext, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    const local = localizeProblem(err, ctx.t);
    if (!isClosedRefusal(local)) throw local;
    ctx.note(ctx.t('errors:cooperation.closed', { id: local.params.id }));
    for (const d of local.details) ctx.note(`  - ${d.expected ?? d.code}`);
    ctx.exitCode = EXIT.conflict;
    return undefined;
  }
}

export interface AddCommand<O, I, V> {
  /** The entry the options describe, with their sharing rules. */
  fromOptions: (opts: O, sharing: SharingInput) => I;
  create: (call: Call, input: I) => Promise<V>;
  /** The message key that says it was added, given `{ id }`. */
  done: string;
  print: (ctx: CliContext, view: V) => void;
}

/**
 * The action of `meeting add` and `commitment add`: the entry read from a file in the API's
 * shape (sharing options given on the command line laid over its own) or from the options,
 * created as the acting user, then printed.
 */
export function addAction<
  O extends ActingOptions & SharingOptions & { json?: boolean },
  I,
  V extends { id: string },
>(ctx: CliContext, c: AddCommand<O, I, V>) {
  return async (file: string | undefined, opts: O): Promise<void> => {
    const sharing = sharingOf(opts);
    const input = file
      ? ({ ...readJsonFile(file), ...givenSharing(sharing) } as I)
      : c.fromOptions(opts, sharing);
    const call = await callAs(ctx, opts);
    const view = await worded(ctx, () => c.create(call, input));
    if (!view) return;
    if (opts.json) return printJson(ctx, view);
    ctx.note(ctx.t(c.done, { id: view.id }));
    c.print(ctx, view);
  };
}

export const statusWord = (t: TFunction, status: string | null): string =>
  status ? t(`model:value.${status}`, { defaultValue: status }) : '';

export const topicWord = (t: TFunction, topic: string | null): string =>
  topic ? t(`cli:cooperation.topic.${topic}`, { defaultValue: topic }) : '';

/** Label: value lines; labels are full catalogue keys, so the message check finds them. */
export function printLabelled(ctx: CliContext, rows: { label: string; value: string | null }[]) {
  ctx.out(
    formatFields(
      rows
        .filter((r) => r.value !== null && r.value !== '')
        .map((r) => [ctx.t(r.label), r.value!] as const),
    ),
  );
}

/** A heading line between the sections of a show command. */
export const heading = (ctx: CliContext, key: string, count: number) =>
  ctx.out(`\n${ctx.t(key, { count })}`);
