// `overture analyze groups`: saved speaker groups — lists of camps, actors and sources that the
// other analyses take as one `--group NAME`.
import type { Command } from 'commander';
import { parseGroupRef } from '../../core/analysis/speaker-group.js';
import { invalidOption } from '../../core/errors.js';
import { listSpeakerGroups } from '../../store/queries/list-speaker-groups.js';
import { saveSpeakerGroup } from '../../store/queries/save-speaker-group.js';
import { formatTable } from '../analysis/format-table.js';
import type { RegisterCommand } from '../context.js';
import { getAnalyzeCommand } from './analyze.js';

export const registerAnalyzeGroups: RegisterCommand = (program, ctx) => {
  const groups = getAnalyzeCommand(program)
    .command('groups')
    .description('list saved speaker groups')
    .option('--json', 'print [{"name","members"}]')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const rows = await listSpeakerGroups(store.db);
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify(rows.map((r) => ({ name: r.name, members: r.members })))}\n`);
          return;
        }
        if (rows.length === 0) {
          ctx.io.stdout.write(
            'no saved groups (save one with overture analyze groups save NAME camp:ru-official actor:lavrov …)\n',
          );
          return;
        }
        ctx.io.stdout.write(
          formatTable([['name', 'members'], ...rows.map((r) => [r.name, r.members.join(' ')])]),
        );
      } finally {
        await store.close();
      }
    });
  groups
    .command('save <name> <members...>')
    .description('save a group: members are camp:NAME, actor:NAME or source:NAME (a bare name is a camp)')
    .action(async (name: string, members: string[], _flags: unknown, command: Command) => {
      for (const member of members) {
        const ref = parseGroupRef(member);
        if (ref.kind === 'group')
          throw invalidOption('member', member, 'camp:NAME, actor:NAME or source:NAME (groups do not nest)');
      }
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        await saveSpeakerGroup(store.db, { name, members });
        ctx.io.stdout.write(`saved group ${name}: ${members.join(' ')}\n`);
      } finally {
        await store.close();
      }
    });
};
