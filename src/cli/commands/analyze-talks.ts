// `overture analyze talks FILE | --talks NAME`: the stalling profile of every party to a set of
// talks — repetition, concessions, haggling and pacing — with the rounds behind each number.
import type { Command } from 'commander';
import {
  type PartyProfile,
  type StallingProfile,
  stallingProfile,
} from '../../core/analysis/negotiations.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { roundsListTalks } from '../../store/queries/rounds-list-talks.js';
import { roundsLoad } from '../../store/queries/rounds-load.js';
import { numberOption } from '../analysis/number-option.js';
import type { RegisterCommand } from '../context.js';
import { getAnalyzeCommand } from './analyze.js';
import { readRoundsFile } from './rounds.js';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const num = (x: number | null, digits = 2): string => (x === null ? 'n/a' : x.toFixed(digits));

function describeParty(p: PartyProfile): string[] {
  const lines = [
    `${p.party}: ${p.roundsStated} rounds with a recorded position`,
    `  repetition index  ${pct(p.repetition.index)} over ${p.repetition.transitions} transitions`,
    ...p.repetition.drivers.map(
      (t) =>
        `    ${t.fromDate} → ${t.toDate}: restates ${pct(t.restatement)} (text ${pct(t.textSimilarity)}, keys unchanged ${pct(t.keysUnchanged)})`,
    ),
    `  concessions       ${p.concessions.total} (${num(p.concessions.perRound)} per round); hardenings ${p.hardenings}`,
    ...p.concessions.drivers.map((c) => `    ${c.date}: ${c.key} ${c.previous ?? '(new)'} → ${c.stance}`),
    `  haggling index    ${pct(p.haggling.index)} (${p.haggling.smallEdits} small wording edits with the substance unchanged, of ${p.haggling.comparable} comparable)`,
    ...p.haggling.drivers.map(
      (t) => `    ${t.fromDate} → ${t.toDate}: ${t.editWords} words changed (${pct(t.editRatio)})`,
    ),
    `  pacing            ${p.pacing.walkOuts} walk-outs, ${p.pacing.postponements} postponements, ${p.pacing.cancellations} cancellations`,
    ...p.pacing.drivers.map((d) => `    ${d.date}: ${d.status}`),
  ];
  return lines;
}

function describe(profile: StallingProfile): string {
  const { pacing } = profile;
  const lines = [
    `${profile.talks}: ${pacing.rounds} rounds ${pacing.firstDate} → ${pacing.lastDate} (${pacing.held} held, ${pacing.postponed} postponed, ${pacing.cancelled} cancelled, ${pacing.walkOuts} walk-outs)`,
    `gaps between rounds: median ${num(pacing.medianGapDays, 1)} days, longest ${pacing.longestGapDays ?? 'n/a'} days`,
    ...pacing.longestGaps.map((g) => `  ${g.fromDate} → ${g.toDate}: ${g.days} days`),
    '',
    ...profile.parties.flatMap((p) => [...describeParty(p), '']),
  ];
  return `${lines.join('\n')}\n`;
}

export const registerAnalyzeTalks: RegisterCommand = (program, ctx) => {
  getAnalyzeCommand(program)
    .command('talks')
    .description(
      'the stalling profile of each party to a set of talks: repetition, concessions, haggling, pacing',
    )
    .argument('[file]', 'a rounds file (JSON or CSV); or use --talks NAME for rounds in the store')
    .option(
      '--talks <name>',
      'talks stored with overture rounds import (or the talks name of a bare JSON array / CSV file)',
    )
    .option('--format <format>', 'json or csv (default from the extension)')
    .option(
      '--top <n>',
      'rounds listed behind each number',
      numberOption('top', { integer: true, min: 1 }),
      3,
    )
    .option('--json', 'print the profile as JSON: {talks, pacing, parties: [...]}')
    .action(
      async (
        file: string | undefined,
        flags: { talks?: string; format?: string; top: number; json?: boolean },
        command: Command,
      ) => {
        let profile: StallingProfile;
        if (file !== undefined) {
          const rounds = await readRoundsFile(ctx.io.cwd, file, {
            ...(flags.talks ? { talks: flags.talks } : {}),
            ...(flags.format ? { format: flags.format } : {}),
          });
          profile = stallingProfile(rounds.talks, rounds.rounds, flags.top);
        } else if (flags.talks !== undefined) {
          const store = await ctx.openStore(command.optsWithGlobals());
          try {
            const rounds = await roundsLoad(store.db, flags.talks);
            if (rounds.length === 0) {
              const known = (await roundsListTalks(store.db)).map((t) => t.talks);
              throw new OvertureError(
                'not-found',
                `no rounds stored for talks ${JSON.stringify(flags.talks)} (stored: ${known.join(', ') || 'none; import with overture rounds import FILE'})`,
              );
            }
            profile = stallingProfile(flags.talks, rounds, flags.top);
          } finally {
            await store.close();
          }
        } else {
          throw invalidOption('file', null, 'a rounds FILE or --talks NAME');
        }
        ctx.io.stdout.write(flags.json ? `${JSON.stringify(profile)}\n` : describe(profile));
      },
    );
};
