import type { Command } from 'commander';
import { listUsers, type UserView } from '../../services/identity/users.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, type Column } from '../output.js';

export function registerUserList(user: Command, ctx: CliContext): void {
  const { t } = ctx;
  const columns: Column<UserView>[] = [
    { header: 'id', value: (u) => u.id },
    { header: 'agency', value: (u) => u.agency },
    { header: 'role', value: (u) => u.role },
    { header: 'name', value: (u) => u.name },
    { header: 'email', value: (u) => u.email },
    {
      header: 'status',
      value: (u) => t(u.disabled ? 'cli:userList.disabled' : 'cli:userList.active'),
    },
  ];
  const cmd = describe(user.command('list'), ctx, 'userList', [
    'puente user list',
    'puente user list --agency SEMAR --json',
  ]).option('--agency <code>', t('cli:userList.agency'));
  jsonOption(cmd, ctx).action(async (opts: { agency?: string; json?: boolean }) => {
    const users = await listUsers(await ctx.operator(), opts.agency);
    if (opts.json) return printJson(ctx, users);
    printTable(ctx, columns, users, 'cli:userList.none');
  });
}
