import { runCli } from '../../src/cli/run.js';
import type { CliIo, OutputStream } from '../../src/cli/io.js';
import type { Database } from '../../src/storage/database.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const buffer = (): OutputStream & { text: string } => {
  const stream = {
    text: '',
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
};

/** Runs `puente ...args` in-process against the given database, capturing both streams. */
export async function puente(
  database: Database | undefined,
  args: string[],
  env: NodeJS.ProcessEnv = { PUENTE_LANG: 'en' },
  extra: Partial<CliIo> = {},
): Promise<CliResult> {
  const stdout = buffer();
  const stderr = buffer();
  const code = await runCli(args, { stdout, stderr, env, database, ...extra });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
