import type { Command } from 'commander';
import { ROLES } from '../../domain/identity/viewer.js';
import { addUser } from '../../services/identity/users.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printFields, printJson } from '../output.js';

interface Options {
  agency: string;
  name: string;
  role: string;
  email?: string;
  json?: boolean;
}

export function registerUserAdd(user: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(user.command('add'), ctx, 'userAdd', [
    'puente user add --agency FGR --name "María Guadalupe Ortiz Peña" --role admin --email m.ortiz@fgr.example',
    'puente user add --agency CBP --name "Megan O\'Connell" --role analyst --json',
  ])
    .requiredOption('--agency <code>', t('cli:userAdd.agency'))
    .requiredOption('--name <name>', t('cli:userAdd.name'))
    .requiredOption('--role <role>', t('cli:userAdd.role', { roles: ROLES.join(', ') }))
    .option('--email <email>', t('cli:userAdd.email'));
  jsonOption(cmd, ctx).action(async (opts: Options) => {
    const added = await addUser(await ctx.operator(), {
      agency: opts.agency,
      name: opts.name,
      role: opts.role,
      email: opts.email,
    });
    if (opts.json) return printJson(ctx, added);
    printFields(ctx, [
      ['id', added.id],
      ['agency', added.agency],
      ['name', added.name],
      ['role', added.role],
      ['email', added.email],
    ]);
    ctx.note(t('cli:userAdd.next', { id: added.id }));
  });
}
