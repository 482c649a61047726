// Writes a hand-coded sample of real statements (test/gold/real-*-refs.jsonl) as a gold set with
// its texts, read from the corpora in ../shared/corpora, so that `overture eval` and
// `overture train` can read it. The output is for a scratch directory: the corpora's text never
// goes into the project.
//
//   node --import tsx scripts/resolve-real-refs.ts --refs FILE [--refs FILE…] [--corpora DIR] --out FILE
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    refs: { type: 'string', multiple: true, default: [] },
    corpora: { type: 'string', default: '../shared/corpora' },
    out: { type: 'string' },
  },
});
if (values.refs.length === 0 || values.out === undefined) {
  console.error('usage: resolve-real-refs.ts --refs FILE [--refs FILE…] [--corpora DIR] --out FILE');
  process.exit(2);
}
const corpora = resolve(values.corpora);
const texts = new Map<string, string>();
const lines: string[] = [];
for (const refsPath of values.refs) {
  const refs = readFileSync(refsPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        JSON.parse(line) as {
          id: string;
          corpus: string;
          record: string;
          start: number;
          end: number;
          lang: string;
          signals: string[];
          positions?: { key: string; stance: string }[];
        },
    );
  for (const ref of refs) {
    const file = join(corpora, ref.corpus);
    if (!existsSync(file)) {
      console.error(`${refsPath}: ${ref.id}: the corpus ${file} is absent: nothing written`);
      process.exit(1);
    }
    if (![...texts.keys()].some((key) => key.startsWith(`${ref.corpus}\u0000`))) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as { id: string; text: string };
        texts.set(`${ref.corpus}\u0000${record.id}`, record.text);
      }
    }
    const source = texts.get(`${ref.corpus}\u0000${ref.record}`);
    if (source === undefined)
      throw new Error(`${refsPath}: ${ref.id}: record ${ref.record} is not in ${ref.corpus}`);
    lines.push(
      JSON.stringify({
        id: ref.id,
        text: source.slice(ref.start, ref.end),
        lang: ref.lang,
        signals: ref.signals,
        positions: ref.positions ?? [],
      }),
    );
  }
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
console.log(`${lines.length} statements written to ${values.out}`);
