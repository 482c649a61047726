#!/usr/bin/env node
// Runs the benchmarks in bench/ one after another (never in parallel: they measure the machine).
// `npm run bench` runs all; `npm run bench -- ingest` runs those whose file name contains "ingest".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== bench/${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`, ...process.argv.slice(3)], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
