// Scores the coder on the hand-coded sample of real statements (test/gold/real-refs.jsonl, drawn
// by scripts/sample-real-statements.ts), rules alone beside rules + model. The texts are read
// from the corpora in ../shared/corpora by reference; without them there is nothing to score.
//
//   node --import tsx scripts/score-real-sample.ts [--refs FILE] [--corpora DIR] [--model FILE] [--threshold P] [--unweighted] [--misses] [--json]
//
// The sample is stratified (statements the rules code, statements only the model codes,
// uncoded statements of seven or more words, per language), so each item is weighed by its
// stratum's size in the corpora over the number drawn from it: the figures estimate precision,
// recall and F1 over every statement of the corpora with seven or more words or a code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultModelPath, loadCodebook } from '../src/coder/load-coder.js';
import { loadSignalModel } from '../src/coder/load-signal-model.js';
import { createCoder, DEFAULT_MODEL_THRESHOLD } from '../src/core/coding/coder.js';
import { SIGNALS, type SignalCategory } from '../src/core/types.js';
import { corporaPresent, readCorpusTexts, readRealRefs, refText } from './real-refs.js';

const { values } = parseArgs({
  options: {
    refs: { type: 'string', default: 'test/gold/real-refs.jsonl' },
    corpora: { type: 'string', default: '../shared/corpora' },
    // The model scored beside the rules: the packaged one unless another file is named.
    model: { type: 'string' },
    threshold: { type: 'string', default: String(DEFAULT_MODEL_THRESHOLD) },
    unweighted: { type: 'boolean', default: false },
    // Print each statement the coder gets wrong (missed and false signals, with its text read
    // from the corpora): what to read before writing a rule from a development sample.
    misses: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const refsPath = values.refs;
const corpora = resolve(values.corpora);
const weighted = !values.unweighted;
const threshold = Number(values.threshold);

const refs = readRealRefs(refsPath);
if (!corporaPresent(corpora, refs)) {
  console.log(`the corpora are not in ${corpora}: nothing to score`);
  process.exit(0);
}
const texts = readCorpusTexts(
  corpora,
  refs.map((r) => r.corpus),
);
const strata = JSON.parse(readFileSync(`${refsPath.replace(/\.jsonl$/, '')}.strata.json`, 'utf8')) as Record<
  string,
  number
>;
const drawn = new Map<string, number>();
for (const ref of refs)
  drawn.set(`${ref.lang}/${ref.stratum}`, (drawn.get(`${ref.lang}/${ref.stratum}`) ?? 0) + 1);

const codebook = await loadCodebook();
const modelPath = values.model ?? defaultModelPath();
const model = modelPath ? await loadSignalModel(modelPath) : null;
const coders = {
  rules: createCoder(codebook),
  'rules + model': model ? createCoder(codebook, { model, modelThreshold: threshold }) : null,
};

type Counts = Record<SignalCategory, { tp: number; fp: number; fn: number }>;
const empty = (): Counts => Object.fromEntries(SIGNALS.map((s) => [s, { tp: 0, fp: 0, fn: 0 }])) as Counts;
const f1 = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  const f =
    p === null || r === null || p + r === 0 ? (c.tp + c.fp + c.fn === 0 ? null : 0) : (2 * p * r) / (p + r);
  return { p, r, f };
};
const fmt = (x: number | null) => (x === null ? '   - ' : x.toFixed(3));

const report: Record<string, unknown> = {};
for (const [name, coder] of Object.entries(coders)) {
  if (coder === null) continue;
  const byLang = new Map<string, Counts>([['all', empty()]]);
  let unweightedFp = 0;
  const misses: string[] = [];
  for (const ref of refs) {
    const text = refText(texts, ref, refsPath);
    const weight = !weighted
      ? 1
      : (strata[`${ref.lang}/${ref.stratum}`] ?? 0) / (drawn.get(`${ref.lang}/${ref.stratum}`) ?? 1);
    const found = new Set(
      coder
        .code({ text, lang: ref.lang, defaultSpeaker: null })
        .flatMap((s) => s.signals.map((c) => c.signal)),
    );
    const gold = new Set(ref.signals as SignalCategory[]);
    if (!byLang.has(ref.lang)) byLang.set(ref.lang, empty());
    for (const counts of [byLang.get('all') as Counts, byLang.get(ref.lang) as Counts]) {
      for (const signal of SIGNALS) {
        if (found.has(signal) && gold.has(signal)) counts[signal].tp += weight;
        else if (found.has(signal)) counts[signal].fp += weight;
        else if (gold.has(signal)) counts[signal].fn += weight;
      }
    }
    for (const signal of found) if (!gold.has(signal)) unweightedFp++;
    if (values.misses) {
      const missed = ref.signals.filter((signal) => !found.has(signal as SignalCategory));
      const extra = [...found].filter((signal) => !gold.has(signal));
      if (missed.length > 0 || extra.length > 0)
        misses.push(
          `${ref.id} ${ref.lang} ${ref.stratum} missed=${missed.join(',')} false=${extra.join(',')}  ${text}`,
        );
    }
  }
  console.log(
    `\n${name} (threshold ${threshold}; ${weighted ? "weighted estimates over the corpora's statements" : 'the sample as drawn, unweighted'})`,
  );
  console.log('signal          precision  recall     F1   gold (weighted)');
  const summary: Record<string, unknown> = {};
  for (const [lang, counts] of byLang) {
    const scores = SIGNALS.map((s) => ({ s, ...f1(counts[s]), support: counts[s].tp + counts[s].fn }));
    const present = scores.filter((x) => x.f !== null);
    const macro = present.reduce((sum, x) => sum + (x.f as number), 0) / Math.max(1, present.length);
    if (lang === 'all') {
      for (const x of scores)
        console.log(
          `${x.s.padEnd(15)} ${fmt(x.p).padStart(9)} ${fmt(x.r).padStart(7)} ${fmt(x.f).padStart(6)} ${x.support.toFixed(0).padStart(8)}`,
        );
    }
    console.log(`${lang.padEnd(4)} macro-F1 ${macro.toFixed(3)} over ${present.length} signals`);
    summary[lang] = { macroF1: macro, signals: Object.fromEntries(scores.map((x) => [x.s, x])) };
  }
  console.log(`false codes in the sample (unweighted): ${unweightedFp}`);
  for (const line of misses) console.log(`  ${line}`);
  report[name] = summary;
}
if (values.json) console.log(JSON.stringify(report));
