// One measured ingest, in its own process so that its peak RSS is its own. Prints one JSON line.
// Usage: node --import tsx bench/ingest-run.ts FILE.jsonl DB_DIR|postgres [ingest options: --no-code, --model …]
import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { runCli } from '../src/cli/run-cli.js';

const [file, target, ...rest] = process.argv.slice(2);
if (!file || !target) throw new Error('usage: ingest-run.ts FILE.jsonl DB_DIR|postgres [--no-code]');
let out = '';
const sink = new Writable({ write: (_chunk, _enc, done) => done() });
const started = process.hrtime.bigint();
const code = await runCli(
  [
    'ingest',
    file,
    '--json',
    '--batch-size',
    '1000',
    ...(target === 'postgres' ? [] : ['--db', target]),
    ...rest,
  ],
  {
    stdout: { write: (text: string) => (out += text) },
    stderr: sink as unknown as { write(text: string): boolean },
    stdin: process.stdin,
    env: target === 'postgres' ? process.env : { ...process.env, DATABASE_URL: undefined },
    cwd: process.cwd(),
    now: () => new Date(),
  },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const summary = JSON.parse(out || '{}');
process.stdout.write(
  `${JSON.stringify({
    code,
    seconds,
    accepted: summary.accepted,
    coded: summary.coded,
    bytes: statSync(file).size,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
