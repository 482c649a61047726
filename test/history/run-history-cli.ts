// Runs a CLI command in-process for the history tests. It uses the real CLI (test/helpers/
// run-overture.ts) when every command module loads; while some other command is still missing
// from the tree it falls back to a program with only the history commands registered, so these
// tests do not depend on unrelated work in progress.
import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { registerAnalogues } from '../../src/cli/commands/analogues.js';
import { registerAnalyzeEcho } from '../../src/cli/commands/analyze-echo.js';
import { registerAnalyzeTalks } from '../../src/cli/commands/analyze-talks.js';
import { registerCases } from '../../src/cli/commands/cases.js';
import { registerCommitmentGap } from '../../src/cli/commands/commitment-gap.js';
import { registerRounds } from '../../src/cli/commands/rounds.js';
import type { CliContext } from '../../src/cli/context.js';
import { OvertureError } from '../../src/core/errors.js';
import { openStore } from '../../src/store/open-store.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

type Runner = (
  args: readonly string[],
  options?: { env?: Record<string, string | undefined> },
) => Promise<CliResult>;

const EXIT_BY_ERROR: Record<string, number> = {
  'invalid-option': 2,
  'not-found': 2,
  'invalid-input': 4,
  'store-failed': 1,
};

const fallback: Runner = async (args, options = {}) => {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const env: Record<string, string | undefined> = { TZ: 'UTC', ...(options.env ?? {}) };
  const ctx: CliContext = {
    io: {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: Readable.from([]),
      env,
      cwd: process.cwd(),
      now: () => new Date('2024-06-01T00:00:00Z'),
    },
    setExitCode(code) {
      if (code > exitCode) exitCode = code;
    },
    openStore(o) {
      return openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : o.db ? { db: o.db } : {});
    },
  };
  const program = new Command('overture')
    .option('--db <dir>', 'store folder', 'overture-data')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
  for (const register of [
    registerAnalyzeEcho,
    registerAnalyzeTalks,
    registerAnalogues,
    registerCases,
    registerRounds,
    registerCommitmentGap,
  ]) {
    register(program, ctx);
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (error instanceof OvertureError) {
      stderr += `overture: ${error.message}\n`;
      return { code: Math.max(exitCode, EXIT_BY_ERROR[error.code] ?? 1), stdout, stderr };
    }
    throw error;
  }
  return { code: exitCode, stdout, stderr };
};

let runner: Runner | undefined;

export async function runHistoryCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  if (runner === undefined) {
    try {
      runner = (await import('../helpers/run-overture.js')).runOverture as Runner;
    } catch {
      runner = fallback;
    }
  }
  return runner(args, options);
}
