// Burst detection over 10 years of daily data for 100 speaker groups (target: ≤ 200 ms in all).
// Prints the median of several rounds, for 2 and 3 states.
// Usage: node --import tsx bench/analysis-bursts.bench.ts [--groups 100] [--years 10] [--rounds 7]
import { detectBursts } from '../src/core/analysis/detect-bursts.js';
import { seededRandom } from '../src/core/analysis/seeded-random.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(argv[argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const groups = option('groups', 100);
const days = Math.round(option('years', 10) * 365.25);
const rounds = option('rounds', 7);

const random = seededRandom(2002);
const series = Array.from({ length: groups }, () => {
  let burstLeft = 0;
  return Array.from({ length: days }, () => {
    if (burstLeft === 0 && random() < 0.01) burstLeft = 5 + Math.floor(random() * 20);
    const total = 20 + Math.floor(random() * 200);
    const rate = burstLeft > 0 ? 0.12 : 0.03;
    if (burstLeft > 0) burstLeft--;
    let relevant = 0;
    for (let i = 0; i < total; i += 10) relevant += random() < rate * 10 ? 1 : 0;
    return { relevant: Math.min(relevant, total), total };
  });
});

const rows: string[][] = [['states', 'groups', 'days', 'median ms', 'min ms', 'bursts found']];
for (const states of [2, 3]) {
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    found = 0;
    for (const batches of series) found += detectBursts(batches, { states }).bursts.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  rows.push([
    String(states),
    String(groups),
    String(days),
    times[Math.floor(times.length / 2)]!.toFixed(1),
    times[0]!.toFixed(1),
    String(found),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
console.log('target: ≤ 200 ms for 100 groups × 10 years of days');
