import type { CliContext } from './context.js';
import { formatFields, formatTable } from './table.js';

export interface Column<T> {
  /** Key under cli:column. */
  header: string;
  value: (row: T) => string | null | undefined;
}

export const printJson = (ctx: CliContext, data: unknown): void =>
  ctx.out(JSON.stringify(data, null, 2));

/** A table of rows, or the given "nothing here" message when there are none. */
export function printTable<T>(
  ctx: CliContext,
  columns: Column<T>[],
  rows: readonly T[],
  emptyKey: string,
) {
  if (rows.length === 0) {
    ctx.note(ctx.t(emptyKey));
    return;
  }
  ctx.out(
    formatTable(
      columns.map((c) => ctx.t(`cli:column.${c.header}`)),
      rows.map((r) => columns.map((c) => c.value(r) ?? '')),
    ),
  );
}

export function printFields(ctx: CliContext, fields: [labelKey: string, value: string | null][]) {
  ctx.out(
    formatFields(fields.map(([key, value]) => [ctx.t(`cli:label.${key}`), value ?? '—'] as const)),
  );
}

/** A timestamp to the minute, in UTC, the way the log and the API give it. */
export const shortTime = (iso: string | null): string =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
