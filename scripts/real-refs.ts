// The hand-coded samples of real statements (test/gold/real-*-refs.jsonl) hold references into
// the corpora in ../shared/corpora, never their text. One reader of that format and of the
// corpora's texts, for the scripts that draw, score and resolve samples and for their test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RealRef {
  id: string;
  corpus: string;
  record: string;
  start: number;
  end: number;
  lang: 'uk' | 'en' | 'ru';
  stratum: string;
  signals: string[];
  positions: Array<{ key: string; stance: string }>;
  /** Never present in a stored sample (the test checks it). */
  text?: unknown;
}

/** The references of a sample file, one JSON object per line. */
export function readRealRefs(path: string): RealRef[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RealRef);
}

/** True when every corpus file the references name is in `corpora`. */
export function corporaPresent(corpora: string, refs: readonly RealRef[]): boolean {
  return [...new Set(refs.map((r) => r.corpus))].every((file) => existsSync(join(corpora, file)));
}

/** The texts of the records of the named corpus files, keyed by realRecordKey. */
export function readCorpusTexts(corpora: string, files: Iterable<string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of new Set(files)) {
    for (const line of readFileSync(join(corpora, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { id: string; text: string };
      texts.set(realRecordKey(file, record.id), record.text);
    }
  }
  return texts;
}

export function realRecordKey(corpus: string, record: string): string {
  return `${corpus}\u0000${record}`;
}

/** The statement a reference points at, or an error naming the sample, the id and the record. */
export function refText(texts: ReadonlyMap<string, string>, ref: RealRef, sample: string): string {
  const source = texts.get(realRecordKey(ref.corpus, ref.record));
  if (source === undefined)
    throw new Error(`${sample}: ${ref.id}: record ${ref.record} is not in ${ref.corpus}`);
  return source.slice(ref.start, ref.end);
}
