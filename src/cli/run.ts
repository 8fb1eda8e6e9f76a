import { CommanderError } from 'commander';
import { createContext } from './context.js';
import { describeError, EXIT, exitCodeFor } from './errors.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';
import { commandPath, describeUsageError, isHelpOrVersion } from './usage.js';

/**
 * Runs one `puente` command line and returns its exit status. Never throws: every failure is
 * printed as translated lines on stderr (with the stack only when PUENTE_DEBUG=1).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = createContext(io);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // A group command without its subcommand prints help and counts as a usage error.
      if (isHelpOrVersion(err)) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      for (const line of describeUsageError(ctx.t, err, commandPath(program, argv))) ctx.note(line);
      return EXIT.usage;
    }
    for (const line of describeError(ctx.t, err, ctx.target())) ctx.note(line);
    if (io.env.PUENTE_DEBUG === '1' && err instanceof Error && err.stack) ctx.note(err.stack);
    return exitCodeFor(err);
  } finally {
    await ctx.close();
  }
}
