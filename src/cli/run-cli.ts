// Builds the program and runs one command line. Separate from main.ts so that tests run the
// CLI in-process with their own streams and store folder.
import { Command, CommanderError } from 'commander';
import { OvertureError } from '../core/errors.js';
import { openStore } from '../store/open-store.js';
import { COMMANDS } from './commands/index.js';
import type { CliContext, CliIo } from './context.js';
import { EXIT, type ExitCode } from './exit-codes.js';

const EXIT_BY_ERROR: Record<OvertureError['code'], ExitCode> = {
  'invalid-option': EXIT.usage,
  'not-found': EXIT.usage,
  'invalid-input': EXIT.unusable,
  'invalid-codebook': EXIT.unusable,
  'unsafe-url': EXIT.unusable,
  'fetch-failed': EXIT.unusable,
  'store-failed': EXIT.failure,
};

export const VERSION = '0.1.0';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('overture')
    .description(
      'Monitor peace offensives: code what parties publish for diplomatic signals, find bursts of overtures, and check them against positions, pressure and history.',
    )
    .version(VERSION)
    .option('--db <dir>', "the embedded store's folder (ignored when DATABASE_URL is set)", 'overture-data')
    .showHelpAfterError('(run overture --help for usage)')
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
    })
    .exitOverride();
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const ctx: CliContext = {
    io,
    setExitCode(code) {
      if (code > exitCode) exitCode = code;
    },
    openStore(options) {
      const databaseUrl = io.env.DATABASE_URL;
      return openStore(databaseUrl ? { databaseUrl } : options.db ? { db: options.db } : {});
    },
  };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof OvertureError) {
      io.stderr.write(`overture: ${error.message}\n`);
      return Math.max(exitCode, EXIT_BY_ERROR[error.code]) as ExitCode;
    }
    io.stderr.write(
      `overture: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.failure;
  }
  return exitCode;
}
