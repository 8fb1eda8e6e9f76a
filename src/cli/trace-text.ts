import type { TFunction } from 'i18next';
import type { Reason } from '../domain/tracing/types.js';
import { explainReason, traceWords } from '../i18n/trace-explain.js';
import type { CliContext } from './context.js';

/** A reason or indicator in words, from the tracing catalogue the web app uses too. */
export const reasonText = (ctx: CliContext, r: Reason): string =>
  explainReason(ctx.t, traceWords(ctx.t, ctx.locale), r);

export const statusText = (t: TFunction, status: string): string =>
  t(`tracing:status.${status}`, { defaultValue: status });

/** The firearm in one line: "COLT AR-15 rifle, serial LW012345". */
export function firearmLine(
  t: TFunction,
  f: { make: string; model?: string; type?: string; serialNumber?: string },
): string {
  const name = [f.make, f.model, f.type && t(`model:value.${f.type}`, { defaultValue: f.type })]
    .filter(Boolean)
    .join(' ');
  return f.serialNumber ? t('cli:trace.firearmLine', { name, serial: f.serialNumber }) : name;
}
