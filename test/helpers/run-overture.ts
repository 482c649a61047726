// Runs the CLI in-process, as a user would from a shell, with its own streams and environment.
import { Readable } from 'node:stream';
import { after, before } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import type { StoreFactory } from './stores.js';

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

/**
 * A fresh store for the CLI tests of one `describe` block: opened before them (so that it is
 * migrated), closed so the CLI can open it, removed after them. Read `args` and `env` inside
 * the tests: they are set when the block starts.
 */
export function cliStore(factory: StoreFactory): { args: string[]; env: Record<string, string> } {
  const cli = { args: [] as string[], env: {} as Record<string, string> };
  let dispose = async () => {};
  before(async () => {
    const opened = await factory.open();
    await opened.store.close();
    Object.assign(cli, storeArgs(opened.options));
    dispose = opened.dispose;
  });
  after(() => dispose());
  return cli;
}
