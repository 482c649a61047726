// `overture analogues --episode ID | --features FILE.json`: the historical cases nearest to a
// detected episode (or to a feature vector an analyst writes), by Gower distance on the case
// features, with the feature-by-feature comparison and each case's rationale.
import type { Command } from 'commander';
import { type Analogue, type FeatureWeights, rankAnalogues } from '../../core/analysis/analogues.js';
import { sideOfCamp } from '../../core/analysis/echo-amplification.js';
import { episodeFeatures, measuresFromStored } from '../../core/analysis/episode-features.js';
import { addDays, daysBetween } from '../../core/analysis/period.js';
import { FEATURE_NAMES, type FeatureName, type FeatureVector } from '../../core/cases/case-features.js';
import { parseFeatureVector } from '../../core/cases/parse-feature-vector.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { commitmentsDaily } from '../../store/queries/commitments-daily.js';
import { getStoredEpisode, listStoredEpisodes } from '../../store/queries/stored-episodes.js';
import { numberOption } from '../analysis/number-option.js';
import { readTextFile } from '../analysis/read-text-file.js';
import type { CliContext, RegisterCommand } from '../context.js';
import { readCases } from './cases.js';

/** Days before an episode whose commitments are its counter-commitment baseline. */
const BASELINE_DAYS = 90;

interface AnalogueFlags {
  episode?: string;
  features?: string;
  cases?: string;
  top: number;
  committingSide: string;
  weight?: string[];
  json?: boolean;
}

interface Subject {
  label: string;
  vector: FeatureVector;
  rationale: Partial<Record<FeatureName, string>>;
  episode?: { id: string; group: string; start: string; end: string; classification: string | null };
}

function parseWeights(values: readonly string[] = []): FeatureWeights {
  const weights: FeatureWeights = {};
  for (const value of values) {
    const [name, raw] = value.split('=');
    const weight = Number(raw);
    if (
      !name ||
      !(FEATURE_NAMES as readonly string[]).includes(name) ||
      raw === undefined ||
      !(weight >= 0)
    ) {
      throw invalidOption(
        'weight',
        value,
        `FEATURE=NUMBER ≥ 0 with FEATURE one of ${FEATURE_NAMES.join(', ')}`,
      );
    }
    weights[name as FeatureName] = weight;
  }
  return weights;
}

async function episodeSubject(
  ctx: CliContext,
  command: Command,
  id: string,
  committingSide: string,
): Promise<Subject> {
  const store = await ctx.openStore(command.optsWithGlobals());
  try {
    const row = await getStoredEpisode(store.db, id);
    if (!row) {
      const known = (await listStoredEpisodes(store.db, { limit: 5 })).map((episode) => episode.id);
      throw new OvertureError(
        'not-found',
        `no stored episode ${JSON.stringify(id)} (${known.length > 0 ? `recent: ${known.join(', ')}` : 'none stored: run overture episodes first'})`,
      );
    }
    if (sideOfCamp(row.speaker_group) === committingSide) {
      throw invalidOption(
        'committing-side',
        committingSide,
        `the other side than the episode's group ${row.speaker_group}`,
      );
    }
    const length = daysBetween(row.start_day, row.end_day) + 1;
    const baselineFrom = addDays(row.start_day, -BASELINE_DAYS);
    const daily = await commitmentsDaily(store.db, {
      side: committingSide,
      since: baselineFrom,
      until: row.end_day,
    });
    const sum = (from: string, to: string) =>
      daily.filter((d) => d.day >= from && d.day <= to).reduce((s, d) => s + d.statements, 0);
    const commitments = {
      during: sum(row.start_day, row.end_day) / length,
      baseline: sum(baselineFrom, addDays(row.start_day, -1)) / BASELINE_DAYS,
    };
    const { vector, rationale } = episodeFeatures(measuresFromStored(row.detail), commitments);
    return {
      label: `episode ${row.id}`,
      vector,
      rationale,
      episode: {
        id: row.id,
        group: row.speaker_group,
        start: row.start_day,
        end: row.end_day,
        classification: row.classification,
      },
    };
  } finally {
    await store.close();
  }
}

const show = (value: number | readonly string[] | null): string =>
  value === null ? '—' : typeof value === 'number' ? String(value) : `[${value.join(', ')}]`;

function describe(subject: Subject, analogues: readonly Analogue[], detailed: number): string {
  const lines = [
    `${subject.label}${subject.episode ? ` (${subject.episode.group}, ${subject.episode.start} → ${subject.episode.end})` : ''}`,
  ];
  for (const name of FEATURE_NAMES) {
    const value = name === 'tactics' ? (subject.vector.tactics ?? null) : (subject.vector[name] ?? null);
    lines.push(`  ${name.padEnd(19)} ${show(value).padEnd(12)} ${subject.rationale[name] ?? ''}`);
  }
  lines.push('', 'nearest cases (Gower distance, 0 = identical, 1 = opposite on every feature):');
  analogues.forEach((a, i) => {
    const distance = a.distance === null ? 'n/a' : a.distance.toFixed(3);
    lines.push(
      `${String(i + 1).padStart(2)}. ${distance}  ${a.title} (${a.period.start} – ${a.period.end})  [${a.caseId}]`,
    );
    if (i >= detailed) return;
    for (const row of a.comparison) {
      const d = row.distance === null ? 'not compared' : row.distance.toFixed(2);
      lines.push(
        `      ${row.feature.padEnd(19)} episode ${show(row.episode).padEnd(14)} case ${show(row.case).padEnd(14)} ${d.padEnd(12)} ${row.rationale ?? ''}`,
      );
    }
    lines.push(`      outcome: ${a.outcome}`);
  });
  return `${lines.join('\n')}\n`;
}

export const registerAnalogues: RegisterCommand = (program, ctx) => {
  program
    .command('analogues')
    .description('the historical cases nearest to an episode, feature by feature (Gower distance)')
    .option('--episode <id>', 'a stored episode (see overture episodes)')
    .option('--features <file>', 'a JSON feature vector instead: {"pressure": 0-3, …, "tactics": [...]}')
    .option('--cases <dir>', 'a folder of case files instead of the shipped data/cases')
    .option(
      '--top <n>',
      'cases shown with their full comparison',
      numberOption('top', { integer: true, min: 1 }),
      3,
    )
    .option('--committing-side <side>', 'the other side whose commitments are counted for an episode', 'west')
    .option(
      '--weight <feature=w>',
      'weight of a feature in the distance (repeatable; default 1 each)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'print {"subject": {...}, "analogues": [...]} with every case ranked')
    .action(async (flags: AnalogueFlags, command: Command) => {
      if ((flags.episode === undefined) === (flags.features === undefined)) {
        throw invalidOption(
          'episode/features',
          flags.episode ?? flags.features ?? null,
          'exactly one of --episode ID or --features FILE',
        );
      }
      const weights = parseWeights(flags.weight);
      const cases = await readCases(ctx.io.cwd, flags.cases);
      let subject: Subject;
      if (flags.features !== undefined) {
        const text = await readTextFile(ctx.io.cwd, flags.features);
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (cause) {
          throw new OvertureError(
            'invalid-input',
            `invalid feature file ${flags.features}: not JSON (${(cause as Error).message})`,
            { cause },
          );
        }
        const vector = parseFeatureVector(json, flags.features);
        subject = {
          label: `features from ${flags.features}`,
          vector,
          rationale: Object.fromEntries(FEATURE_NAMES.map((n) => [n, 'given'])),
        };
      } else {
        subject = await episodeSubject(ctx, command, flags.episode!, flags.committingSide);
      }
      const analogues = rankAnalogues(subject.vector, cases, { weights });
      if (flags.json) {
        ctx.io.stdout.write(`${JSON.stringify({ subject, weights, analogues })}\n`);
        return;
      }
      ctx.io.stdout.write(describe(subject, analogues, flags.top));
    });
};
