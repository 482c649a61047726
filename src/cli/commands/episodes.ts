// `overture episodes`: bursts of a signal by speaker groups, each with its evidence, tactic mix,
// position movement, amplification, pressure context and — for overtures — a classification
// with its reasons. Recomputed from the store on every run and saved to the episodes table.
import type { Command } from 'commander';
import type { Episode } from '../../core/analysis/episodes.js';
import { parseSignal } from '../../core/analysis/parse-signal.js';
import { parseDayOption, parsePeriod } from '../../core/analysis/period.js';
import { saveEpisodes } from '../../store/queries/save-episodes.js';
import { computeEpisodes } from '../analysis/compute-episodes.js';
import { formatShare } from '../analysis/format-table.js';
import { numberOption } from '../analysis/number-option.js';
import { resolveSpeakerGroups } from '../analysis/resolve-speaker-group.js';
import type { RegisterCommand } from '../context.js';

interface EpisodeFlags {
  group?: string[];
  signal: string;
  period: string;
  since?: string;
  until?: string;
  s: number;
  gamma: number;
  states: number;
  pressureActor?: string;
  evidence: number;
  save: boolean;
  json?: boolean;
}

export const registerEpisodes: RegisterCommand = (program, ctx) => {
  program
    .command('episodes')
    .description(
      'find episodes (bursts of a signal by a speaker group) and say whether each is an opening or a peace offensive, with the evidence',
    )
    .option(
      '--group <name>',
      'speaker group (repeatable): a camp, actor, source or saved group; default every camp with sources',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--signal <category>', 'the signal whose bursts are episodes', 'overture')
    .option('--period <period>', 'detect bursts per day or week', 'day')
    .option('--since <day>', 'first UTC day (YYYY-MM-DD)')
    .option('--until <day>', 'last UTC day (YYYY-MM-DD)')
    .option('--s <ratio>', 'burst rate ratio between states (> 1)', numberOption('s', { above: 1 }), 2)
    .option(
      '--gamma <cost>',
      'cost of moving up a state, in units of ln(n)',
      numberOption('gamma', { min: 0 }),
      1,
    )
    .option(
      '--states <n>',
      'number of burst states (≥ 2)',
      numberOption('states', { integer: true, min: 2 }),
      2,
    )
    .option(
      '--pressure-actor <name>',
      'whose pressure indicators give the context (default guessed from the group)',
    )
    .option(
      '--evidence <n>',
      'evidence statements per episode',
      numberOption('evidence', { integer: true, min: 0 }),
      5,
    )
    .option('--no-save', 'do not store the episodes')
    .option('--json', 'print {"episodes": [...]} with every measure and the evidence')
    .action(async (flags: EpisodeFlags, command: Command) => {
      const signal = parseSignal(flags.signal);
      const period = parsePeriod(flags.period);
      const since = flags.since ? parseDayOption('since', flags.since) : undefined;
      const until = flags.until ? parseDayOption('until', flags.until) : undefined;
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const groups = await resolveSpeakerGroups(store.db, flags.group);
        const episodes: Episode[] = [];
        for (const group of groups) {
          const found = await computeEpisodes(store.db, group, signal, {
            ...(since ? { since } : {}),
            ...(until ? { until } : {}),
            burst: { period, s: flags.s, gamma: flags.gamma, states: flags.states },
            evidenceLimit: flags.evidence,
            ...(flags.pressureActor ? { pressureActor: flags.pressureActor } : {}),
          });
          if (flags.save)
            await saveEpisodes(store.db, { group: group.name, category: signal, episodes: found });
          episodes.push(...found);
        }
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify({ episodes })}\n`);
          return;
        }
        if (episodes.length === 0) {
          ctx.io.stdout.write(
            `no ${signal} episodes for ${groups.map((g) => g.name).join(', ') || 'any group (no sources)'}\n`,
          );
          return;
        }
        for (const episode of episodes) ctx.io.stdout.write(describe(episode));
      } finally {
        await store.close();
      }
    });
};

function describe(episode: Episode): string {
  const lines = [
    `${episode.id}  ${episode.start} → ${episode.end} (peak ${episode.peak}, level ${episode.level})  ${episode.classification ?? 'unclassified'}`,
    ...episode.reasons.map((reason) => `  - ${reason}`),
  ];
  if (episode.evidence.length > 0) lines.push('  evidence:');
  for (const e of episode.evidence) {
    const matched = e.spans.map((span) => `"${span.match}"`).join(', ');
    lines.push(
      `    [document ${e.documentId}, statement ${e.statementIdx}] ${e.publishedAt?.slice(0, 10) ?? 'undated'} ${e.source} (${e.camp}): ${e.text}${matched ? `  — matched ${matched}` : ''}`,
    );
  }
  const tactics = episode.tactics.map(
    (t) => `${t.category} ${formatShare(t.share)} vs ${formatShare(t.baselineShare)}`,
  );
  lines.push(`  tactics: ${tactics.join('; ')}`, '');
  return `${lines.join('\n')}\n`;
}
