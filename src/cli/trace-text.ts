import type { TFunction } from 'i18next';
import type { Reason } from '../domain/tracing/types.js';

/** A reason or indicator in words, from the shared tracing catalogue. */
export const reasonText = (t: TFunction, r: Reason): string =>
  t(`tracing:reason.${r.code}`, { ...r.params, defaultValue: r.code });

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
