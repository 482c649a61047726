// `overture classify` throughput beside ripgrep scanning the same file for the codebook's cue
// words: the floor of what any tool reading every byte for those words costs on this machine.
// Rows: the coder with rules only and with the shipped model, on 1 and on every core, and rg.
// Each row runs `--runs` times (default 3), the rows taking turns, so that a noisy spell on a
// shared machine falls on every row alike; the table gives each row's median and its best run.
// Usage: node --import tsx bench/classify.bench.ts [--documents 50000] [--runs 3]
// Runs the compiled CLI (npm run build first; `npm ci` does it).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodebook } from '../src/coder/load-coder.js';
import { generateCorpus } from './generate-corpus.js';

const argv = process.argv.slice(2);
const documents = Number(argv[argv.indexOf('--documents') + 1] || 50_000) || 50_000;
const runs = argv.includes('--runs') ? Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 1) : 3;
const work = mkdtempSync(join(tmpdir(), 'overture-bench-classify-'));
const cli = 'dist/src/cli/main.js';
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

// The input classify reads: {"id","text","lang"} lines, from the benchmark corpus generator.
const input = join(work, 'input.jsonl');
const out = createWriteStream(input);
for await (const line of generateCorpus({ documents, seed: 42 })) {
  const { id, text, lang } = JSON.parse(line) as { id: string; text: string; lang: string };
  if (!out.write(`${JSON.stringify({ id, text, lang })}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const bytes = statSync(input).size;

// The cue words of every rule, as ripgrep regexes: a glob `переговор*` becomes a word prefix.
function cueWords(pattern: string): string[] {
  return pattern
    .replace(/[()[\]]/g, ' ')
    .split(/\s+/)
    .flatMap((item) => item.split('|'))
    .filter((word) => word !== '' && !word.startsWith('~') && !word.startsWith('$'));
}
const codebook = await loadCodebook();
const words = new Set<string>();
for (const set of codebook.signals) {
  for (const rules of Object.values(set.rules)) {
    for (const rule of rules ?? []) {
      for (const pattern of [...(rule.any ?? []), ...(rule.near?.a ?? []), ...(rule.near?.b ?? [])]) {
        for (const word of cueWords(pattern)) words.add(word);
      }
    }
  }
}
const regexes = [...words].map((w) => {
  const glob = w.endsWith('*');
  const stem = (glob ? w.slice(0, -1) : w).replace(/[.+?^${}\\]/g, '\\$&');
  return glob ? `\\b${stem}\\w*` : `\\b${stem}\\b`;
});
const patternFile = join(work, 'cues.txt');
writeFileSync(patternFile, `${regexes.join('\n')}\n`);

interface Row {
  name: string;
  seconds: number;
  maxRssMb: number | null;
}
// The codebook cache the runs share: a folder of the bench's own, so that a run measures the same
// thing whatever the user's cache holds. The first run below fills it (a cold start).
const cache = join(work, 'cache');
function timed(name: string, command: string, args: string[]): Row | null {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TZ: 'UTC', OVERTURE_CACHE_DIR: cache },
  });
  if (result.error) return null;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(result.stderr.trim().split('\n').pop());
  return { name, seconds, maxRssMb: Number.isFinite(kb) ? kb / 1024 : null };
}

const cores = availableParallelism();
// The fixed cost in every run below: starting node, loading the codebook and the model.
const one = join(work, 'one.jsonl');
writeFileSync(one, '{"id":1,"text":"Moscow is ready for talks."}\n');
const startupArgs = [cli, 'classify', '--input', one, '--model'];
const cold = timed('startup, empty cache', process.execPath, startupArgs);
const startup = timed('startup (one record, rules + model)', process.execPath, startupArgs);
const configurations: Array<{ name: string; command: string; args: string[] }> = [
  { name: 'classify, rules, 1 thread', command: process.execPath, args: ['--no-model', '--jobs', '1'] },
  { name: `classify, rules, ${cores} threads`, command: process.execPath, args: ['--no-model'] },
  { name: 'classify, rules + model, 1 thread', command: process.execPath, args: ['--model', '--jobs', '1'] },
  { name: `classify, rules + model, ${cores} threads`, command: process.execPath, args: ['--model'] },
].map((c) => ({ ...c, args: [cli, 'classify', '--input', input, ...c.args] }));
if (existsSync('/usr/bin/rg'))
  configurations.push({
    name: `ripgrep, ${regexes.length} cue words`,
    command: '/usr/bin/rg',
    args: ['-i', '-c', '-f', patternFile, input],
  });
const samples: Row[][] = configurations.map(() => []);
for (let run = 0; run < runs; run++) {
  configurations.forEach((c, k) => {
    const row = timed(c.name, c.command, c.args);
    if (row) samples[k]?.push(row);
  });
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const rows = configurations.map((c, k) => {
  const times = (samples[k] ?? []).map((r) => r.seconds);
  if (times.length === 0) return null;
  const rss = (samples[k] ?? []).map((r) => r.maxRssMb ?? 0);
  return { name: c.name, seconds: median(times), best: Math.min(...times), maxRssMb: Math.max(...rss) };
});
const rg = existsSync('/usr/bin/rg') ? rows[rows.length - 1] : null;
console.log(
  `classify benchmark: ${documents} documents, ${(bytes / 1e6).toFixed(1)} MB, ${cores} cores, ${runs} runs per row`,
);
console.log(
  'run                                    median s   MB/s   best MB/s   peak RSS MB   median time vs ripgrep',
);
for (const row of rows) {
  if (!row) continue;
  const vs = rg ? (row.seconds / rg.seconds).toFixed(1) : '-';
  console.log(
    `${row.name.padEnd(38)} ${row.seconds.toFixed(2).padStart(8)} ${(bytes / 1e6 / row.seconds).toFixed(1).padStart(6)} ${(bytes / 1e6 / row.best).toFixed(1).padStart(11)} ${row.maxRssMb.toFixed(0).padStart(13)} ${vs.padStart(24)}`,
  );
}
if (startup)
  console.log(
    `(each run includes the start-up: ${startup.seconds.toFixed(2)} s for one record with the codebook cache` +
      ` filled, ${cold?.seconds.toFixed(2) ?? '-'} s with it empty, when the codebook is compiled and stored)`,
  );
if (!rg) console.log('(ripgrep not installed: apt-get install ripgrep for the side-by-side row)');
rmSync(work, { recursive: true, force: true });
