// Draws a stratified, seeded sample of statements from the real corpora in ../shared/corpora for
// hand coding, so that the coder can be scored on real speech (test/gold/real-refs.jsonl). The
// corpora are read where they lie; the project keeps only references (record id and offsets)
// and its own codes, never their text.
//
//   node --import tsx scripts/sample-real-statements.ts [--per-stratum 30] [--seed 1948] [--out FILE] [--exclude REFS.jsonl] [--lang uk]
//
// Strata, per language: statements the rules code; statements only the model codes; statements
// of seven or more words that nothing codes. Writes the sample (with text, for the coders) to
// --out and the size of each stratum in the corpora beside it (FILE.strata.json), which the
// scoring script uses to weigh each stratum by its share of real statements. The strata depend
// on the codebook and model of the day: test/gold/real-refs.jsonl was drawn on 26 November 2026,
// before the en rule commitment.requested-support, so a later draw differs, and each reference
// keeps the stratum it was drawn from.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultModelPath, loadCoder } from '../src/coder/load-coder.js';
import { mulberry32 } from '../src/core/model/mulberry32.js';
import { readRealRefs } from './real-refs.js';

const { values } = parseArgs({
  options: {
    'per-stratum': { type: 'string', default: '30' },
    seed: { type: 'string', default: '1948' },
    out: { type: 'string', default: '/tmp/real-sample.jsonl' },
    corpora: { type: 'string', default: '../shared/corpora' },
    // References already drawn (a JSONL of {corpus, record, start, end}): never drawn again, so
    // that a development sample for writing rules stays apart from the sample that scores them.
    exclude: { type: 'string', multiple: true, default: [] },
    // Only these languages (comma-separated), to aim a development sample where the coder is weakest.
    lang: { type: 'string', default: 'uk,en' },
  },
});
const perStratum = Number(values['per-stratum']);
const seed = Number(values.seed);
const out = values.out;
const corpora = resolve(values.corpora);
const languages = new Set(values.lang.split(','));
const FILES = ['ua-official-addresses-2022.jsonl', 'zelensky-speeches-en-2021-2022.jsonl'];
if (!FILES.every((file) => existsSync(join(corpora, file)))) {
  console.error(`the corpora are not in ${corpora}: nothing to sample`);
  process.exit(0);
}

const rules = await loadCoder({ modelPath: null });
// The packaged model, named: coders are rules only unless given one.
const withModel = await loadCoder({ modelPath: defaultModelPath() });

interface Candidate {
  corpus: string;
  record: string;
  start: number;
  end: number;
  lang: 'uk' | 'en';
  text: string;
  stratum: 'rules' | 'model-only' | 'uncoded';
}
const strata = new Map<string, Candidate[]>();
const seen = new Set<string>();
const excluded = new Set(
  values.exclude.flatMap((file) =>
    readRealRefs(file).map((ref) => `${ref.corpus}\u0000${ref.record}\u0000${ref.start}\u0000${ref.end}`),
  ),
);
for (const corpus of FILES) {
  for (const line of readFileSync(join(corpora, corpus), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { id: string; text: string; lang: 'uk' | 'en' };
    if (!languages.has(record.lang)) continue;
    const input = { text: record.text, lang: record.lang, defaultSpeaker: null };
    const byRules = rules.code(input);
    const byBoth = withModel.code(input);
    byBoth.forEach((statement, k) => {
      const text = statement.text;
      // The same sentence in two records (a title repeated in a summary) is drawn once.
      if (
        seen.has(text) ||
        excluded.has(`${corpus}\u0000${record.id}\u0000${statement.start}\u0000${statement.end}`)
      )
        return;
      seen.add(text);
      const ruleCodes = byRules[k]?.signals.length ?? 0;
      const modelCodes = statement.signals.filter((s) => s.origin === 'model').length;
      const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      const stratum = ruleCodes > 0 ? 'rules' : modelCodes > 0 ? 'model-only' : words >= 7 ? 'uncoded' : null;
      if (stratum === null) return;
      const key = `${record.lang}/${stratum}`;
      const list = strata.get(key) ?? [];
      list.push({
        corpus,
        record: record.id,
        start: statement.start,
        end: statement.end,
        lang: record.lang,
        text,
        stratum,
      });
      strata.set(key, list);
    });
  }
}

const random = mulberry32(seed);
const sample: Candidate[] = [];
const sizes: Record<string, number> = {};
for (const [key, list] of [...strata].sort(([a], [b]) => (a < b ? -1 : 1))) {
  sizes[key] = list.length;
  // A partial Fisher–Yates shuffle: the first perStratum of a seeded permutation.
  const pool = [...list];
  for (let i = 0; i < Math.min(perStratum, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as Candidate, pool[i] as Candidate];
    sample.push(pool[i] as Candidate);
  }
}
// Shuffled again so that whoever codes the sample cannot tell the strata apart by position.
for (let i = sample.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [sample[i], sample[j]] = [sample[j] as Candidate, sample[i] as Candidate];
}
writeFileSync(
  out,
  sample
    .map((item, k) => JSON.stringify({ id: `real-${String(k + 1).padStart(3, '0')}`, ...item }))
    .join('\n') + '\n',
);
writeFileSync(`${out}.strata.json`, `${JSON.stringify(sizes, null, 2)}\n`);
console.log(`${sample.length} statements to ${out}; strata sizes ${JSON.stringify(sizes)}`);
