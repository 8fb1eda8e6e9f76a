import type { Database } from '../storage/database.js';

/** Where the command line writes: process streams in use, string buffers in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a run of the command line depends on, so tests can drive it in-process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** An open, migrated database to use instead of the one the environment names (tests). */
  database?: Database;
  /** Resolves with a signal name when a long-running command (serve) should stop. */
  stopSignal?: () => Promise<string>;
}

/** SIGINT (Ctrl-C) or SIGTERM (service managers, containers), whichever comes first. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      // A second Ctrl-C falls back to the default handler and ends the process at once.
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
