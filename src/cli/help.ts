import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import type { CliContext } from './context.js';

// Commander passes its section titles through styleTitle, so translating there covers them all.
const TITLES: Record<string, string> = {
  'Usage:': 'cli:help.usage',
  'Arguments:': 'cli:help.arguments',
  'Options:': 'cli:help.options',
  'Commands:': 'cli:help.commands',
  'Global Options:': 'cli:help.globalOptions',
};

export const translateTitle = (t: TFunction, title: string): string =>
  TITLES[title] ? t(TITLES[title]) : title;

/**
 * Gives a command its translated description (cli:<key>.description) and an Examples section.
 * Every command has examples: they are what people copy.
 */
export function describe(cmd: Command, ctx: CliContext, key: string, examples: string[]): Command {
  cmd.description(ctx.t(`cli:${key}.description`));
  if (examples.length) {
    cmd.addHelpText(
      'after',
      () => `\n${ctx.t('cli:help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`,
    );
  }
  return cmd;
}

/** The --json switch, worded once. */
export const jsonOption = (cmd: Command, ctx: CliContext): Command =>
  cmd.option('--json', ctx.t('cli:option.json'));
