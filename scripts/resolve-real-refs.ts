// Writes a hand-coded sample of real statements (test/gold/real-*-refs.jsonl) as a gold set with
// its texts, read from the corpora in ../shared/corpora, so that `overture eval` and
// `overture train` can read it. The output is for a scratch directory: the corpora's text never
// goes into the project.
//
//   node --import tsx scripts/resolve-real-refs.ts --refs FILE [--refs FILE…] [--corpora DIR] --out FILE
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { corporaPresent, readCorpusTexts, readRealRefs, refText } from './real-refs.js';

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
const lines: string[] = [];
for (const refsPath of values.refs) {
  const refs = readRealRefs(refsPath);
  if (!corporaPresent(corpora, refs)) {
    console.error(`${refsPath}: a corpus it names is not in ${corpora}: nothing written`);
    process.exit(1);
  }
  const texts = readCorpusTexts(
    corpora,
    refs.map((ref) => ref.corpus),
  );
  for (const ref of refs) {
    lines.push(
      JSON.stringify({
        id: ref.id,
        text: refText(texts, ref, refsPath),
        lang: ref.lang,
        signals: ref.signals,
        positions: ref.positions ?? [],
      }),
    );
  }
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
console.log(`${lines.length} statements written to ${values.out}`);
