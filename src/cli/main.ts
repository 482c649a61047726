#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that stops early (`overture classify … | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});
process.exitCode = code;
