import type { Command } from 'commander';
import { listAgencies, type AgencyView } from '../../services/identity/agencies.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, shortTime, type Column } from '../output.js';

const COLUMNS: Column<AgencyView>[] = [
  { header: 'code', value: (a) => a.code },
  { header: 'country', value: (a) => a.country },
  { header: 'name', value: (a) => a.name },
  { header: 'created', value: (a) => shortTime(a.createdAt) },
];

export function registerAgencyList(agency: Command, ctx: CliContext): void {
  const cmd = describe(agency.command('list'), ctx, 'agencyList', [
    'puente agency list',
    'puente agency list --json',
  ]);
  jsonOption(cmd, ctx).action(async (opts: { json?: boolean }) => {
    const agencies = await listAgencies(await ctx.operator());
    if (opts.json) return printJson(ctx, agencies);
    printTable(ctx, COLUMNS, agencies, 'cli:agencyList.none');
  });
}
