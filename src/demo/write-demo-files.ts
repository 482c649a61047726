// The demo's one edge: writes the generated scenario into a folder, in the formats the importers
// read — corpus.jsonl (the JSONL reader's corpus fields, meta fields beside them), sources.json, indicators/*.csv
// (date,value) with indicators.json describing them, rounds.json, timeline.json, and
// intended.jsonl (the intended coding, for measuring the coder). Each file is written beside its
// final name and renamed into place, so a reader never sees half a file.
//
// CLI: node --import tsx src/demo/write-demo-files.ts DIR [--no-corpus] [--seed N] [--start YYYY-MM-DD] [--days N]
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { demoRoundsFile } from './demo-rounds.js';
import { type DemoOptions, generateDemo } from './generate-demo.js';
import { toCorpusLine } from './to-document-input.js';

export interface WriteDemoOptions extends DemoOptions {
  /** Also write corpus.jsonl and intended.jsonl (several MB); default true. */
  corpus?: boolean;
}

export interface WrittenDemo {
  /** Paths relative to the folder, in the order written. */
  files: string[];
  documents: number;
  bytes: number;
}

export async function writeDemoFiles(dir: string, options: WriteDemoOptions = {}): Promise<WrittenDemo> {
  const { corpus = true, ...demoOptions } = options;
  const demo = generateDemo(demoOptions);
  const written: WrittenDemo = { files: [], documents: corpus ? demo.documents.length : 0, bytes: 0 };
  await mkdir(join(dir, 'indicators'), { recursive: true });
  const put = async (name: string, content: string): Promise<void> => {
    const path = join(dir, name);
    await writeFile(`${path}.partial`, content, 'utf8');
    await rename(`${path}.partial`, path);
    written.files.push(name);
    written.bytes += Buffer.byteLength(content);
  };
  if (corpus) {
    await put('corpus.jsonl', demo.documents.map((doc) => `${toCorpusLine(doc)}\n`).join(''));
    await put('intended.jsonl', jsonLines(demo.intended));
  }
  await put('sources.json', json(demo.sources));
  await put(
    'indicators.json',
    json(
      demo.indicators.map(({ points, ...indicator }) => ({
        ...indicator,
        file: `indicators/${indicator.name}.csv`,
      })),
    ),
  );
  for (const indicator of demo.indicators) {
    const rows = indicator.points.map((point) => `${point.date},${point.value}\n`).join('');
    await put(`indicators/${indicator.name}.csv`, `date,value\n${rows}`);
  }
  await put('rounds.json', json(demoRoundsFile(demo.rounds)));
  await put('timeline.json', json(demo.timeline));
  return written;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const jsonLines = (values: readonly unknown[]): string =>
  values.map((value) => `${JSON.stringify(value)}\n`).join('');

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-corpus': { type: 'boolean', default: false },
      seed: { type: 'string' },
      start: { type: 'string' },
      days: { type: 'string' },
    },
  });
  const dir = positionals[0];
  if (dir === undefined) throw new Error('missing the folder to write into');
  const written = await writeDemoFiles(dir, {
    corpus: !values['no-corpus'],
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    ...(values.start === undefined ? {} : { start: values.start }),
    ...(values.days === undefined ? {} : { days: Number(values.days) }),
  });
  process.stdout.write(
    `wrote ${written.files.length} files (${(written.bytes / 1e6).toFixed(2)} MB) to ${dir}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`write-demo-files: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
