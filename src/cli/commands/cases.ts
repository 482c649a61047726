// `overture cases list|show ID`: the historical case base (data/cases/*.yaml) — every date and
// figure with its citation, every feature with its rationale.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { FEATURE_NAMES, FEATURE_SCALES } from '../../core/cases/case-features.js';
import type { CaseFact, HistoricalCase } from '../../core/cases/case-schema.js';
import { loadCases } from '../../core/cases/load-cases.js';
import { OvertureError } from '../../core/errors.js';
import type { RegisterCommand } from '../context.js';

/** The shipped case folder: data/cases under the package root, found upward from this file. */
export function defaultCasesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'data', 'cases');
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return resolve('data', 'cases');
    dir = parent;
  }
}

/** Reads and checks every *.yaml case in the folder (default the shipped one). */
export async function readCases(cwd: string, dir?: string): Promise<HistoricalCase[]> {
  const folder = dir ? resolve(cwd, dir) : defaultCasesDir();
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  } catch (cause) {
    throw new OvertureError(
      'invalid-input',
      `cannot read the case folder ${folder}: ${(cause as NodeJS.ErrnoException).code ?? cause}`,
      {
        cause,
      },
    );
  }
  if (names.length === 0) throw new OvertureError('invalid-input', `no case files (*.yaml) in ${folder}`);
  const files = await Promise.all(
    names.map(async (name) => ({
      path: relative(cwd, join(folder, name)) || name,
      text: await readFile(join(folder, name), 'utf8'),
    })),
  );
  return loadCases(files);
}

export function findCase(cases: readonly HistoricalCase[], id: string): HistoricalCase {
  const found = cases.find((c) => c.id === id);
  if (!found) {
    throw new OvertureError(
      'not-found',
      `no case ${JSON.stringify(id)} (cases: ${cases.map((c) => c.id).join(', ')})`,
    );
  }
  return found;
}

const period = (c: HistoricalCase): string => `${c.period.start} – ${c.period.end}`;

function facts(title: string, list: readonly CaseFact[]): string[] {
  if (list.length === 0) return [`${title}: none recorded`];
  return [
    `${title}:`,
    ...list.map((f) => `  ${f.date ? `${f.date}  ` : ''}${f.text} [${f.sources.join(', ')}]`),
  ];
}

export function describeCase(c: HistoricalCase): string {
  const lines = [
    `${c.title}`,
    `id ${c.id} · ${period(c)} · initiator: ${c.initiator}`,
    `parties: ${c.parties.map((p) => `${p.name} (${p.side})`).join('; ')}`,
    '',
    c.summary.trim(),
    '',
    ...facts('timeline', c.timeline),
    ...facts('pressure context', c.pressure_context),
    ...facts('overtures', c.overtures),
    'tactics:',
    ...c.tactics.map((t) => `  ${t.tactic}: ${t.text} [${t.sources.join(', ')}]`),
    ...facts('concessions', c.concessions),
    `outcome: ${c.outcome.date ? `${c.outcome.date}  ` : ''}${c.outcome.text} [${c.outcome.sources.join(', ')}]`,
    '',
    'features (0–3 scales; see docs):',
    ...FEATURE_NAMES.map((name) => {
      const value = c.features[name].value;
      const shown =
        typeof value === 'number'
          ? `${value} (${FEATURE_SCALES[name as Exclude<typeof name, 'tactics'>].levels[value]})`
          : `[${value.join(', ')}]`;
      return `  ${name.padEnd(19)} ${shown} — ${c.features[name].rationale}`;
    }),
    '',
    'citations:',
    ...c.citations.map(
      (s) =>
        `  [${s.id}] ${[s.author, s.editor ? `${s.editor} (ed.)` : undefined, s.title, s.publisher, s.year].filter(Boolean).join(', ')}${s.url ? ` <${s.url}>` : ''}${s.note ? ` — ${s.note}` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export const registerCases: RegisterCommand = (program, ctx) => {
  const cases = program
    .command('cases')
    .description('the historical case base: peace offensives and openings from 1948 on, with citations');
  cases
    .command('list')
    .description('list the cases with their periods and coded features')
    .option('--cases <dir>', 'a folder of case files instead of the shipped data/cases')
    .option('--json', 'print {"cases": [{id, title, period, initiator, features}]}')
    .action(async (flags: { cases?: string; json?: boolean }) => {
      const list = await readCases(ctx.io.cwd, flags.cases);
      if (flags.json) {
        const rows = list.map((c) => ({
          id: c.id,
          title: c.title,
          period: c.period,
          initiator: c.initiator,
          features: Object.fromEntries(FEATURE_NAMES.map((name) => [name, c.features[name].value])),
        }));
        ctx.io.stdout.write(`${JSON.stringify({ cases: rows })}\n`);
        return;
      }
      const width = Math.max(...list.map((c) => c.id.length));
      for (const c of list)
        ctx.io.stdout.write(`${c.id.padEnd(width)}  ${period(c).padEnd(25)}  ${c.title}\n`);
    });
  cases
    .command('show')
    .description(
      'show one case: timeline, pressure, overtures, tactics, concessions, outcome, features and citations',
    )
    .argument('<id>', 'the case id (see overture cases list)')
    .option('--cases <dir>', 'a folder of case files instead of the shipped data/cases')
    .option('--json', 'print the case as JSON')
    .action(async (id: string, flags: { cases?: string; json?: boolean }, _command: Command) => {
      const c = findCase(await readCases(ctx.io.cwd, flags.cases), id);
      ctx.io.stdout.write(flags.json ? `${JSON.stringify(c)}\n` : describeCase(c));
    });
};
