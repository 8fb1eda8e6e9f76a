import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAgencyAdd } from './commands/agency-add.js';
import { registerAgencyList } from './commands/agency-list.js';
import { registerAgencyTraceRole } from './commands/agency-trace-role.js';
import { registerAuditVerify } from './commands/audit-verify.js';
import { registerCommitmentAdd } from './commands/commitment-add.js';
import { registerCommitmentList } from './commands/commitment-list.js';
import { registerCommitmentReport } from './commands/commitment-report.js';
import { registerCommitmentShow } from './commands/commitment-show.js';
import { registerCommitmentUpdate } from './commands/commitment-update.js';
import { registerDemo } from './commands/demo.js';
import { registerEntitySearch } from './commands/entity-search.js';
import { registerEntityShow } from './commands/entity-show.js';
import { registerExplain } from './commands/explain.js';
import { registerImport } from './commands/import.js';
import { registerMeetingAdd } from './commands/meeting-add.js';
import { registerMeetingList } from './commands/meeting-list.js';
import { registerMeetingShow } from './commands/meeting-show.js';
import { registerReadoutIngest } from './commands/readout-ingest.js';
import { registerMigrate } from './commands/migrate.js';
import { registerResolve } from './commands/resolve.js';
import { registerSynth } from './commands/synth.js';
import { registerServe } from './commands/serve.js';
import { registerTokenCreate } from './commands/token-create.js';
import { registerTokenRevoke } from './commands/token-revoke.js';
import { registerNetworkAround } from './commands/network-around.js';
import { registerNetworkPath } from './commands/network-path.js';
import { registerNetworkStructure } from './commands/network-structure.js';
import { registerNetworkCommunities } from './commands/network-communities.js';
import { registerNetworkKeyPlayers } from './commands/network-key-players.js';
import { registerNetworkDisrupt } from './commands/network-disrupt.js';
import { registerNetworkGrowth } from './commands/network-growth.js';
import { registerNetworkExport } from './commands/network-export.js';
import { registerTraceAnswer } from './commands/trace-answer.js';
import { registerTraceIndex } from './commands/trace-index.js';
import { registerTraceList } from './commands/trace-list.js';
import { registerTraceRun } from './commands/trace-run.js';
import { registerTraceShow } from './commands/trace-show.js';
import { registerTraceStats } from './commands/trace-stats.js';
import { registerTraceSubmit } from './commands/trace-submit.js';
import { registerUserAdd } from './commands/user-add.js';
import { registerUserList } from './commands/user-list.js';
import type { CliContext } from './context.js';
import { describe, translateTitle } from './help.js';

// src/cli and dist/cli both sit two levels below the package root.
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** The `puente` command tree. Settings made here before adding commands are inherited by them. */
export function buildProgram(ctx: CliContext): Command {
  const { t, io } = ctx;
  const program = new Command('puente')
    .version(VERSION, '-V, --version', t('cli:help.version'))
    .helpOption('-h, --help', t('cli:help.option'))
    .helpCommand('help [command]', t('cli:help.command'))
    .configureHelp({ styleTitle: (title) => translateTitle(t, title) })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Parse errors are reworded and printed by runCli, translated.
      outputError: () => undefined,
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .exitOverride()
    .showSuggestionAfterError(true);
  describe(program, ctx, 'program', ['puente demo', 'puente agency list', 'puente help user']);

  registerServe(program, ctx);
  registerDemo(program, ctx);
  registerMigrate(program, ctx);
  registerSynth(program, ctx);
  registerImport(program, ctx);
  registerResolve(program, ctx);
  registerExplain(program, ctx);

  const entity = describe(program.command('entity'), ctx, 'entity', []);
  registerEntityShow(entity, ctx);
  registerEntitySearch(entity, ctx);

  const agency = describe(program.command('agency'), ctx, 'agency', []);
  registerAgencyAdd(agency, ctx);
  registerAgencyList(agency, ctx);
  registerAgencyTraceRole(agency, ctx);

  const trace = describe(program.command('trace'), ctx, 'trace', []);
  registerTraceSubmit(trace, ctx);
  registerTraceList(trace, ctx);
  registerTraceShow(trace, ctx);
  registerTraceRun(trace, ctx);
  registerTraceAnswer(trace, ctx);
  registerTraceStats(trace, ctx);
  registerTraceIndex(trace, ctx);

  const meeting = describe(program.command('meeting'), ctx, 'meeting', []);
  registerMeetingAdd(meeting, ctx);
  registerMeetingList(meeting, ctx);
  registerMeetingShow(meeting, ctx);

  const readout = describe(program.command('readout'), ctx, 'readout', []);
  registerReadoutIngest(readout, ctx);

  const commitment = describe(program.command('commitment'), ctx, 'commitment', []);
  registerCommitmentAdd(commitment, ctx);
  registerCommitmentList(commitment, ctx);
  registerCommitmentShow(commitment, ctx);
  registerCommitmentUpdate(commitment, ctx);
  registerCommitmentReport(commitment, ctx);

  const network = describe(program.command('network'), ctx, 'network', []);
  registerNetworkAround(network, ctx);
  registerNetworkPath(network, ctx);
  registerNetworkCommunities(network, ctx);
  registerNetworkKeyPlayers(network, ctx);
  registerNetworkDisrupt(network, ctx);
  registerNetworkGrowth(network, ctx);
  registerNetworkStructure(network, ctx);
  registerNetworkExport(network, ctx);

  const user = describe(program.command('user'), ctx, 'user', []);
  registerUserAdd(user, ctx);
  registerUserList(user, ctx);

  const token = describe(program.command('token'), ctx, 'token', []);
  registerTokenCreate(token, ctx);
  registerTokenRevoke(token, ctx);

  const audit = describe(program.command('audit'), ctx, 'audit', []);
  registerAuditVerify(audit, ctx);
  return program;
}
