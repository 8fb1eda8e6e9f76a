const graphemes = new Intl.Segmenter();

/** Columns line up by what the terminal shows: "Peña" is four characters, however it is encoded. */
export const displayWidth = (s: string): number => [...graphemes.segment(s)].length;

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** A plain text table: a header row, then one line per row; the last column is not padded. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

/** Label: value lines for a single item, labels aligned. */
export function formatFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...fields.map(([label]) => displayWidth(label)));
  return (
    fields.map(([label, value]) => `${pad(`${label}:`, width + 1)}  ${value}`).join('\n') + '\n'
  );
}
