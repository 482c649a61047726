// Benchmark corpus generator: JSONL documents in the corpus fields of the JSONL reader (plus
// `synthetic: true`, which the reader keeps in the document's meta), mixed ru/uk/en, 1–3 KB
// each, built from the demo's sentence banks (about three sentences in ten carry a signal, the
// rest are background). Everything is synthetic and seeded: the same seed gives the same corpus.
// Lines stream out one at a time, so memory stays flat at any size.
//
// CLI: node --import tsx bench/generate-corpus.ts --documents 200000 --out /tmp/corpus.jsonl [--seed 42] [--bytes 1000-3000]
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays } from '../src/demo/add-days.js';
import { DEMO_BANKS } from '../src/demo/demo-banks.js';
import { DEMO_SOURCES } from '../src/demo/demo-sources.js';
import { type CompiledTemplate, fillTemplate } from '../src/demo/fill-template.js';
import { seededRandom } from '../src/demo/seeded-random.js';

export interface CorpusOptions {
  documents: number;
  seed: number;
  /** First day of the corpus, YYYY-MM-DD; documents spread over two years from it. */
  start?: string;
  /** Size range of a document's text in UTF-8 bytes, roughly (default 1000–3000, news items). */
  minBytes?: number;
  maxBytes?: number;
}

const SPAN_DAYS = 730;
const SIGNAL_SHARE = 0.3;
/** UTF-8 bytes per character, roughly: Cyrillic letters take two, spaces and digits one. */
const BYTES_PER_CHAR = { ru: 1.85, uk: 1.85, en: 1 } as const;

/** One JSONL line per document, without the trailing newline. */
export async function* generateCorpus(options: CorpusOptions): AsyncGenerator<string> {
  yield* corpusLines(options);
}

/** The same lines, synchronously (what generateCorpus wraps). */
export function* corpusLines({
  documents,
  seed,
  start = '2022-01-01',
  minBytes = 1000,
  maxBytes = 3000,
}: CorpusOptions): Generator<string> {
  if (!Number.isInteger(documents) || documents < 0) throw new RangeError(`invalid documents: ${documents}`);
  const random = seededRandom(seed);
  const pools = Object.fromEntries(
    Object.entries(DEMO_BANKS).map(([lang, bank]) => [
      lang,
      {
        signal: bank.all.filter((t) => t.specs.length > 0),
        neutral: bank.all.filter((t) => t.specs.length === 0),
      },
    ]),
  ) as Record<keyof typeof DEMO_BANKS, { signal: CompiledTemplate[]; neutral: CompiledTemplate[] }>;
  const sources = DEMO_SOURCES.map((source) => [source, source.baseRate] as const);
  for (let index = 0; index < documents; index += 1) {
    const source = random.weighted(sources);
    const lang = source.input.lang;
    const pool = pools[lang];
    const targetChars = random.int(minBytes, maxBytes) / BYTES_PER_CHAR[lang];
    let text = '';
    let title = '';
    while (text.length < targetChars) {
      const template = random.pick(random.chance(SIGNAL_SHARE) ? pool.signal : pool.neutral);
      const sentence = fillTemplate(template, random).text;
      if (text.length === 0) title = sentence.length <= 90 ? sentence : `${sentence.slice(0, 87)}…`;
      text = text.length === 0 ? sentence : `${text} ${sentence}`;
    }
    const day = addDays(start, Math.floor((index * SPAN_DAYS) / Math.max(documents, 1)));
    const hour = String(random.int(0, 23)).padStart(2, '0');
    const minute = String(random.int(0, 59)).padStart(2, '0');
    const id = `bench-${seed}-${index + 1}`;
    yield JSON.stringify({
      id,
      text,
      title: `[Synthetic] ${title}`,
      url: `https://example.org/synthetic/bench/${source.slug}/${id}`,
      date: `${day}T${hour}:${minute}:00Z`,
      lang,
      source: source.input.name,
      camp: source.input.camp,
      synthetic: true,
    });
  }
}

/** Streams the corpus to a file, in chunks, waiting when the disk is slower than the generator. */
export async function writeCorpus(
  path: string,
  options: CorpusOptions,
): Promise<{ documents: number; bytes: number }> {
  const out = createWriteStream(path);
  let chunk = '';
  let bytes = 0;
  let count = 0;
  for (const line of corpusLines(options)) {
    chunk += `${line}\n`;
    count += 1;
    if (chunk.length >= 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return { documents: count, bytes };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      documents: { type: 'string', default: '200000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      bytes: { type: 'string', default: '1000-3000' },
    },
  });
  const [minBytes, maxBytes] = (values.bytes ?? '').split('-').map(Number);
  if (
    !Number.isInteger(minBytes) ||
    !Number.isInteger(maxBytes) ||
    (minBytes as number) < 1 ||
    (maxBytes as number) < (minBytes as number)
  )
    throw new Error(`invalid --bytes: ${values.bytes} (expected MIN-MAX, e.g. 200-800)`);
  const documents = Number(values.documents);
  const seed = Number(values.seed);
  if (!Number.isInteger(documents) || documents < 1)
    throw new Error(`invalid --documents: ${values.documents}`);
  if (!Number.isInteger(seed)) throw new Error(`invalid --seed: ${values.seed}`);
  if (!values.out) throw new Error('missing --out FILE');
  const started = performance.now();
  const written = await writeCorpus(values.out, {
    documents,
    seed,
    minBytes: minBytes as number,
    maxBytes: maxBytes as number,
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `wrote ${written.documents} documents, ${(written.bytes / 1e6).toFixed(1)} MB, to ${values.out} in ${seconds.toFixed(1)} s\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`generate-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
