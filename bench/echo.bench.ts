// Echo detection at the scale of 1 million statements (target: minutes, not hours; memory
// bounded). Synthetic statements: sentences of 10–24 words drawn from a 5,000-word vocabulary,
// 200 sources in 9 camps, published a minute apart; 2 % of them are copies of 500 talking points
// with up to two words changed, carried by random sources — the near duplicates to find. 5 % of
// the statements carry a codebook rule from 300 formulas.
//
//   core:  the MinHash/LSH clusterer fed from memory (the algorithm alone);
//   store: the same statements in an embedded store (PGlite), streamed out a page at a time by
//          the echo query, plus the formula aggregation in SQL — what `overture analyze echo` does.
//
// Prints time, statements per second, clusters found, recall of the planted copies and peak RSS.
// The store is seeded in this process and read by a child process, so that the peak RSS printed
// for the echo pass is its own and not the seeding's.
// Usage: node --import tsx bench/echo.bench.ts [--statements 1000000] [--mode core|store|both]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEchoChains } from '../src/core/analysis/echo.js';
import { NearDuplicateClusterer } from '../src/core/analysis/near-duplicate-clusters.js';
import { seededRandom } from '../src/core/analysis/seeded-random.js';
import { formulaSightings } from '../src/core/analysis/shared-formulas.js';
import { DEFAULT_CAMPS } from '../src/core/types.js';
import { openStore } from '../src/store/open-store.js';
import { echoFormulaSightings } from '../src/store/queries/echo-formula-sightings.js';
import { echoStatementPages } from '../src/store/queries/echo-statement-pages.js';

const argv = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const N = Number(value('statements', '1000000'));
const mode = value('mode', 'both');
const CAMPS = DEFAULT_CAMPS.filter((camp) => camp !== 'other');
const SOURCES = 200;
const TALKING_POINTS = 500;
const COPY_SHARE = 0.02;
const T0 = Date.UTC(2022, 0, 1);
const MINUTE = 60_000;

const random = seededRandom(1997);
const vocabulary = Array.from(
  { length: 5000 },
  (_, i) => `w${i.toString(36)}${String.fromCharCode(97 + (i % 26))}`,
);
const sentence = (): string[] =>
  Array.from(
    { length: 10 + Math.floor(random() * 15) },
    () => vocabulary[Math.floor(random() * vocabulary.length)]!,
  );
const points = Array.from({ length: TALKING_POINTS }, sentence);

interface Synthetic {
  text: string;
  source: number;
  point: number;
}

/** The i-th statement (deterministic in i order): a planted copy, or a fresh sentence. */
function* statements(n: number): Generator<Synthetic> {
  for (let i = 0; i < n; i++) {
    const source = Math.floor(random() * SOURCES);
    if (random() < COPY_SHARE) {
      const point = Math.floor(random() * TALKING_POINTS);
      const words = [...points[point]!];
      const edits = Math.floor(random() * 3);
      for (let e = 0; e < edits; e++)
        words[Math.floor(random() * words.length)] = vocabulary[Math.floor(random() * vocabulary.length)]!;
      yield { text: words.join(' '), source, point };
    } else {
      yield { text: sentence().join(' '), source, point: -1 };
    }
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function report(
  label: string,
  seconds: number,
  n: number,
  result: ReturnType<NearDuplicateClusterer['result']>,
  planted: number,
  found: number,
) {
  console.log(
    [
      `${label}: ${n.toLocaleString('en')} statements in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en')}/s)`,
      `  clusters (2+ sources): ${result.clusters.length.toLocaleString('en')}; statements clustered: ${result.stats.clustered.toLocaleString('en')}; LSH evictions: ${result.stats.tableEvictions.toLocaleString('en')}`,
      `  planted copies ${planted.toLocaleString('en')}, found in a cluster of their talking point ${found.toLocaleString('en')} (recall ${((100 * found) / Math.max(1, planted)).toFixed(1)} %)`,
      `  peak RSS so far: ${mib(peakRss())} (heap used now ${mib(process.memoryUsage().heapUsed)})`,
    ].join('\n'),
  );
}

/** Recall: planted copies whose cluster's leader is a copy of the same talking point. */
function recall(
  result: ReturnType<NearDuplicateClusterer['result']>,
  pointOf: (documentId: number) => number,
): number {
  let found = 0;
  for (const cluster of result.clusters) {
    const leader = cluster.members[0];
    if (!leader) continue;
    const point = pointOf(leader.documentId);
    if (point < 0) continue;
    // Members beyond the listed ones are counted in size; all of them joined the leader.
    found += cluster.size;
  }
  return found;
}

async function core(): Promise<void> {
  const clusterer = new NearDuplicateClusterer({ maxMembers: 1 });
  const pointOf = new Int16Array(N).fill(-1);
  let planted = 0;
  let i = 0;
  const start = performance.now();
  for (const s of statements(N)) {
    pointOf[i] = s.point;
    if (s.point >= 0) planted++;
    clusterer.add({
      documentId: i,
      idx: 0,
      source: `source-${s.source}`,
      camp: CAMPS[s.source % CAMPS.length]!,
      lang: 'en',
      time: T0 + i * MINUTE,
      text: s.text,
    });
    i++;
  }
  const result = clusterer.result(2);
  const seconds = (performance.now() - start) / 1000;
  report(
    'core (MinHash/LSH from memory)',
    seconds,
    N,
    result,
    planted,
    recall(result, (d) => pointOf[d]!),
  );
}

async function seedStore(dir: string): Promise<void> {
  const db = await openStore({ db: dir });
  try {
    const seedStart = performance.now();
    await db.db.query(
      `INSERT INTO sources (id, name, camp) SELECT i, 'source-' || i, ($2::text[])[1 + i % 9] FROM generate_series(0, $1::int - 1) AS i`,
      [SOURCES, CAMPS],
    );
    const perDocument = 10;
    const documents = Math.ceil(N / perDocument);
    await db.db.query(
      `INSERT INTO documents (id, source_id, dedup_key, text, lang, published_at, content_hash, fingerprint)
       SELECT d, d % $2::int, 'k' || d, '', 'en', $3::timestamptz + d * interval '10 minutes', md5(d::text), md5(d::text)
         FROM generate_series(0, $1::int - 1) AS d`,
      [documents, SOURCES, new Date(T0).toISOString()],
    );
    const batch: { doc: number[]; idx: number[]; text: string[] } = { doc: [], idx: [], text: [] };
    const flush = async () => {
      if (batch.doc.length === 0) return;
      await db.db.query(
        `INSERT INTO statements (document_id, idx, start_offset, end_offset, text)
         SELECT d, i, 0, length(t), t FROM unnest($1::bigint[], $2::int[], $3::text[]) AS u(d, i, t)`,
        [batch.doc, batch.idx, batch.text],
      );
      batch.doc = [];
      batch.idx = [];
      batch.text = [];
    };
    let i = 0;
    // The talking point of each planted copy goes in the statement's start_offset column's
    // neighbour: a side table, so the echo pass can score its recall.
    await db.db.exec('CREATE TABLE bench_planted (ordinal integer PRIMARY KEY, point integer NOT NULL)');
    const planted: { ordinal: number[]; point: number[] } = { ordinal: [], point: [] };
    for (const s of statements(N)) {
      if (s.point >= 0) {
        planted.ordinal.push(i);
        planted.point.push(s.point);
      }
      batch.doc.push(Math.floor(i / perDocument));
      batch.idx.push(i % perDocument);
      batch.text.push(s.text);
      i++;
      if (batch.doc.length >= 20_000) await flush();
    }
    await flush();
    await db.db.query('INSERT INTO bench_planted SELECT * FROM unnest($1::int[], $2::int[])', [
      planted.ordinal,
      planted.point,
    ]);
    await db.db.query(
      `INSERT INTO signals (document_id, statement_idx, seq, category, confidence, origin, evidence, codebook_version)
       SELECT document_id, idx, 0, 'overture', 0.9, 'rule',
              jsonb_build_array(jsonb_build_object('rule', 'overture.en.formula-' || (abs(hashtext(document_id::text)) % 300), 'start', 0, 'end', 5)), 'bench'
         FROM statements WHERE (document_id * 10 + idx) % 20 = 0`,
    );
    await db.db.exec('ANALYZE');
    console.log(
      `store: seeded ${N.toLocaleString('en')} statements in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (peak RSS of the seeding process ${mib(peakRss())})`,
    );
  } finally {
    await db.close();
  }
}

async function echoFromStore(dir: string): Promise<void> {
  const db = await openStore({ db: dir });
  try {
    const pointRows = await db.db.query<{ ordinal: number; point: number }>(
      'SELECT ordinal, point FROM bench_planted',
    );
    const pointOf = new Map(pointRows.map((r) => [r.ordinal, r.point]));
    const formulaStart = performance.now();
    const rows = await echoFormulaSightings(db.db);
    const chains = buildEchoChains(
      formulaSightings(
        rows.map((r) => ({
          rule: r.rule,
          source: r.source,
          camp: r.camp,
          lang: r.lang,
          time: new Date(r.first_time).getTime(),
          count: r.statements,
        })),
      ),
    );
    console.log(
      `store: formula chains for ${chains.length} formulas from ${rows.length.toLocaleString('en')} sighting rows in ${((performance.now() - formulaStart) / 1000).toFixed(1)} s`,
    );
    const start = performance.now();
    const clusterer = new NearDuplicateClusterer({ maxMembers: 1 });
    let read = 0;
    for await (const page of echoStatementPages(db.db, { pageSize: 2000 })) {
      for (const row of page) {
        clusterer.add({
          documentId: row.document_id * 10 + row.idx,
          idx: row.idx,
          source: row.source,
          camp: row.camp,
          lang: row.lang,
          time: new Date(row.published_at).getTime(),
          text: row.text,
        });
      }
      read += page.length;
    }
    const result = clusterer.result(2);
    report(
      'store (streamed from PGlite, 2,000 documents a page)',
      (performance.now() - start) / 1000,
      read,
      result,
      pointOf.size,
      recall(result, (d) => pointOf.get(d) ?? -1),
    );
  } finally {
    await db.close();
  }
}

async function store(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'overture-bench-echo-'));
  try {
    await seedStore(dir);
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL(import.meta.url).pathname,
        '--mode',
        'store-echo',
        '--db',
        dir,
        '--statements',
        String(N),
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, TZ: 'UTC' },
      },
    );
    if (child.status !== 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (mode === 'core' || mode === 'both') await core();
if (mode === 'store' || mode === 'both') await store();
if (mode === 'store-echo') await echoFromStore(value('db', ''));
