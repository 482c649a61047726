// What every command gets: its input and output, the clock, and a way to open the store. Passed
// in (not read from globals) so that tests run commands in-process with their own streams.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import type { ExitCode } from './exit-codes.js';

export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
}

export interface CliContext {
  io: CliIo;
  /** Raises the process's exit code (never lowers it: a later success does not hide a failure). */
  setExitCode(code: ExitCode): void;
  /** Opens the store named by --db or DATABASE_URL; the caller closes it. */
  openStore(options: { db?: string }): Promise<Store>;
}

/** Each command file exports one of these; commands/index.ts lists them all. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;
