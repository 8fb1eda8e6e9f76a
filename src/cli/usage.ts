import type { Command, CommanderError } from 'commander';
import type { TFunction } from 'i18next';

// Commander words its parse errors in English; we reword the ones users meet, keeping the
// option or argument it quoted.
const MESSAGES: Record<string, string> = {
  'commander.unknownOption': 'cli:usage.unknownOption',
  'commander.unknownCommand': 'cli:usage.unknownCommand',
  'commander.missingArgument': 'cli:usage.missingArgument',
  'commander.optionMissingArgument': 'cli:usage.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'cli:usage.missingOption',
  'commander.excessArguments': 'cli:usage.excessArguments',
  'commander.invalidArgument': 'cli:usage.invalidArgument',
  'commander.conflictingOption': 'cli:usage.conflictingOption',
};

/** Help and version end a run successfully; a bare group command ("puente agency") does not. */
export const isHelpOrVersion = (err: CommanderError): boolean =>
  ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code);

/** The subcommand the words of argv select, for the "see --help" hint. */
export function commandPath(program: Command, argv: readonly string[]): string {
  const names = [program.name()];
  let current = program;
  for (const word of argv) {
    if (word.startsWith('-')) break;
    const next = current.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) break;
    names.push(next.name());
    current = next;
  }
  return names.join(' ');
}

export function describeUsageError(t: TFunction, err: CommanderError, command: string): string[] {
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  // An invalid argument quotes its value first and its name second; an option, the reverse.
  const name =
    err.code === 'commander.invalidArgument' && err.message.includes('command-argument')
      ? (quoted[1] ?? '')
      : (quoted[0] ?? '');
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(err.message)?.[1];
  // An argument parser's own explanation follows commander's sentence.
  const reason =
    /is invalid(?: for argument '[^']*')?\.\s*(.*)$/s.exec(err.message)?.[1]?.trim() ?? '';
  const key = MESSAGES[err.code];
  const lines = [
    key
      ? t(key, { name, reason })
      : t('cli:usage.other', { message: err.message.replace(/^error:\s*/, '') }),
  ];
  if (suggestion) lines.push(t('cli:usage.suggestion', { suggestion }));
  lines.push(t('cli:usage.hint', { command }));
  return lines;
}
