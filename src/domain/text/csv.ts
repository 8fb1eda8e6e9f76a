/** One CSV line: fields quoted only when they hold the delimiter, a quote or a line break. */
export function csvLine(fields: readonly string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (i) line += delimiter;
    line +=
      f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r')
        ? `"${f.replaceAll('"', '""')}"`
        : f;
  }
  return `${line}\r\n`;
}
