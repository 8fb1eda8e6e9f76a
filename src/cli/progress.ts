import type { ImportProgress } from '../services/imports/outcome.js';
import type { CliContext } from './context.js';

const BAR_WIDTH = 24;

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * A status line on stderr: redrawn in place on a terminal, a plain line every few seconds
 * otherwise (logs, CI; PUENTE_PROGRESS_MS sets how often), and nothing on stdout, which stays
 * for data. The text is only composed when it is shown.
 */
export function statusLine(ctx: CliContext) {
  const { io } = ctx;
  const tty = Boolean(io.stderr.isTTY);
  const every = Number(io.env.PUENTE_PROGRESS_MS) || 5000;
  let lastPlain = Date.now();
  let drawn = false;
  return {
    tty,
    update(text: () => string) {
      if (tty) {
        io.stderr.write(`\r\x1b[K${text()}`);
        drawn = true;
      } else if (Date.now() - lastPlain >= every) {
        lastPlain = Date.now();
        ctx.note(text());
      }
    },
    finish() {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** Shows an import's progress: a bar with the share of the file read, on a terminal. */
export function importProgress(ctx: CliContext, totalBytes: number | undefined) {
  const { t } = ctx;
  const status = statusLine(ctx);
  const started = Date.now();

  const line = (p: ImportProgress): string => {
    const seconds = (Date.now() - started) / 1000;
    if (p.phase !== 'reading') return t(`cli:import.merging.${p.phase}`, { count: p.merged });
    const rate = seconds > 0 ? Math.round(p.rows / seconds) : 0;
    const share = totalBytes ? Math.min(1, p.bytes / totalBytes) : undefined;
    if (share === undefined) return t('cli:import.progressUnknown', { rows: p.rows, rate });
    const eta = share > 0 ? clock((seconds / share) * (1 - share)) : '?';
    const filled = Math.round(share * BAR_WIDTH);
    const bar = status.tty ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
    return `${bar}${t('cli:import.progress', { percent: Math.floor(share * 100), rows: p.rows, rate, eta })}`;
  };

  return {
    update: (p: ImportProgress) => status.update(() => line(p)),
    finish: () => status.finish(),
  };
}
