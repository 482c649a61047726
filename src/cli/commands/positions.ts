// `overture positions`: the position ledger — per actor and position key, the stances stated
// over time with their evidence, and what did and did not change in a window.
import type { Command } from 'commander';
import { parseDayOption } from '../../core/analysis/period.js';
import { buildPositionLedger } from '../../core/analysis/positions.js';
import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import { groupPositionSignals } from '../../store/queries/group-position-signals.js';
import { formatTable } from '../analysis/format-table.js';
import { resolveSpeakerGroup } from '../analysis/resolve-speaker-group.js';
import { toPositionStatement } from '../analysis/to-statement-evidence.js';
import type { RegisterCommand } from '../context.js';

interface PositionFlags {
  actor?: string[];
  group?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

export const registerPositions: RegisterCommand = (program, ctx) => {
  program
    .command('positions')
    .description(
      'the position ledger: stances per actor and position key with their evidence, and what did not change',
    )
    .option('--actor <id>', 'an actor (speaker); repeatable', (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option('--group <name>', 'a camp, source or saved group instead of actors')
    .option('--since <day>', 'start of the window (UTC day); statements before it only set what was held')
    .option('--until <day>', 'end of the window (UTC day)')
    .option(
      '--json',
      'print {"since","until","entries": [{actor, key, status, latest, before, counts, timeline}], "unchanged": [...]}',
    )
    .action(async (flags: PositionFlags, command: Command) => {
      const since = flags.since ? parseDayOption('since', flags.since) : undefined;
      const until = flags.until ? parseDayOption('until', flags.until) : undefined;
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        let group: SpeakerGroup | null = null;
        if (flags.group) group = await resolveSpeakerGroup(store.db, flags.group);
        if (flags.actor && flags.actor.length > 0) {
          group = {
            name: flags.actor.join(','),
            camps: group?.camps ?? [],
            sources: group?.sources ?? [],
            actors: [...(group?.actors ?? []), ...flags.actor],
          };
        }
        const rows = await groupPositionSignals(store.db, { group, ...(until ? { until } : {}) });
        const ledger = buildPositionLedger(rows.map(toPositionStatement), {
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
        });
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify(ledger)}\n`);
          return;
        }
        if (ledger.entries.length === 0) {
          ctx.io.stdout.write('no position statements\n');
          return;
        }
        const window = `${since ?? 'the beginning'} … ${until ?? 'now'}`;
        ctx.io.stdout.write(`positions, window ${window}\n`);
        ctx.io.stdout.write(
          formatTable([
            ['actor', 'key', 'status', 'latest', 'assert/harden/soften/drop in window'],
            ...ledger.entries.map((e) => [
              e.actor,
              e.key,
              e.status,
              `${e.latest.stance} ${e.latest.day}`,
              `${e.counts.assert}/${e.counts.harden}/${e.counts.soften}/${e.counts.drop}`,
            ]),
          ]),
        );
        const moved = ledger.entries.filter((e) => e.status === 'moved');
        for (const entry of moved) {
          ctx.io.stdout.write(`\n${entry.actor} ${entry.key}:\n`);
          for (const s of entry.timeline.filter((t) => t.stance !== 'assert')) {
            ctx.io.stdout.write(
              `  ${s.day} ${s.stance} [document ${s.evidence.documentId}, statement ${s.evidence.statementIdx}, ${s.evidence.source}] ${s.evidence.text}\n`,
            );
          }
        }
        ctx.io.stdout.write(
          `\ndid not change: ${ledger.unchanged.map((u) => `${u.actor} ${u.key} (${u.stance}, ${u.status})`).join('; ') || 'nothing'}\n`,
        );
      } finally {
        await store.close();
      }
    });
};
