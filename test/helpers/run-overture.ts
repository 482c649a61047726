// Runs the CLI in-process, as a user would from a shell, with its own streams and environment.
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runOverture(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; stdin?: string; now?: Date } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { TZ: 'UTC', ...(options.env ?? {}) },
    cwd: process.cwd(),
    now: () => options.now ?? new Date('2024-06-01T00:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** The CLI flags and environment that point a command at a test store. */
export function storeArgs(options: { db?: string; databaseUrl?: string }): {
  args: string[];
  env: Record<string, string>;
} {
  if (options.databaseUrl) return { args: [], env: { DATABASE_URL: options.databaseUrl } };
  return { args: ['--db', options.db!], env: {} };
}
