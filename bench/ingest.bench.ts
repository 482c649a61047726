// Ingest throughput and memory, side by side in one run (these machines are shared and noisy, so
// ratios between rows mean more than absolute figures). For each store, two corpus sizes: if
// peak RSS does not grow with the input, memory is flat. With coding on, the larger size is also
// ingested coded by the rules alone (--no-model) and without coding, so that the ratios of the
// rows are what the model and coding cost. "rules+model" is the default (the packaged model).
// Usage: node --import tsx bench/ingest.bench.ts [--documents 200000] [--no-code]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateCorpus } from './generate-corpus.js';

const argv = process.argv.slice(2);
const documents = Number(argv[argv.indexOf('--documents') + 1] || 200_000) || 200_000;
const code = !argv.includes('--no-code');
const work = mkdtempSync(join(tmpdir(), 'overture-bench-'));

async function writeCorpus(count: number, seed: number): Promise<string> {
  const path = join(work, `corpus-${count}.jsonl`);
  const out = createWriteStream(path);
  for await (const line of generateCorpus({ documents: count, seed })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

type Coding = 'rules+model' | 'rules' | 'off';
const CODING_ARGS: Record<Coding, string[]> = {
  'rules+model': ['--model'],
  rules: ['--no-model'],
  off: ['--no-code'],
};

interface Run {
  store: string;
  coding: Coding;
  documents: number;
  seconds: number;
  accepted: number;
  bytes: number;
  maxRssMb: number;
}

/** A fresh schema on the server for each run, so that no run sees another's documents. */
async function freshServerUrl(name: string): Promise<string> {
  const serverUrl = process.env.DATABASE_URL!;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return url.toString();
}

function measure(
  file: string,
  target: string,
  count: number,
  store: string,
  coding: Coding,
  databaseUrl?: string,
): Run {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/ingest-run.ts', file, target, ...CODING_ARGS[coding]],
    {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0 && child.status !== 3) throw new Error(`ingest run failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  return { store, coding, documents: count, ...result };
}

const sizes = [Math.round(documents / 4), documents];
const runs: Run[] = [];
for (const size of sizes) {
  const file = await writeCorpus(size, 42);
  const modes: Coding[] =
    code && size === documents ? ['rules+model', 'rules', 'off'] : [code ? 'rules+model' : 'off'];
  for (const coding of modes) {
    const suffix = `${size}_${coding === 'rules+model' ? 'model' : coding}`;
    runs.push(measure(file, join(work, `db-${suffix}`), size, 'pglite', coding));
    if (process.env.DATABASE_URL) {
      const url = await freshServerUrl(`overture_bench_${suffix}`);
      runs.push(measure(file, 'postgres', size, 'postgres', coding, url));
    }
  }
}
const base = runs.find(
  (r) => r.store === 'pglite' && r.documents === documents && r.coding === (code ? 'rules+model' : 'off'),
)!;
console.log(
  `ingest benchmark: ${documents} documents max, coding ${code ? 'on' : 'off'}, ${(await import('node:os')).cpus().length} cores`,
);
console.log(
  'store     coding       documents  seconds   docs/s    MB/s   peak RSS MB   docs/s vs pglite at the largest size',
);
for (const run of runs) {
  const rate = run.accepted / run.seconds;
  console.log(
    `${run.store.padEnd(9)} ${run.coding.padEnd(11)} ${String(run.documents).padStart(10)} ${run.seconds.toFixed(1).padStart(8)} ${rate.toFixed(0).padStart(8)} ${(run.bytes / 1e6 / run.seconds).toFixed(2).padStart(7)} ${run.maxRssMb.toFixed(0).padStart(13)} ${(rate / (base.accepted / base.seconds)).toFixed(2).padStart(10)}`,
  );
}
rmSync(work, { recursive: true, force: true });
