// An out-of-domain gold set built from the PLOVER event ontology's example sentences
// (openeventdata/PLOVER): other conflicts, other decades, news-wire English. PLOVER's labels are
// not our signals, so they are not mapped wholesale; test/gold/plover-codes.json holds our own
// codes for the sentences whose labels come near ours (AGREE, CONSULT, DEMAND, REJECT, THREATEN),
// and only the signals those labels can speak for are scored.
import { OvertureError } from '../errors.js';
import { SIGNALS, type SignalCategory } from '../types.js';
import type { GoldItem } from './parse-gold.js';

export interface PloverCodes {
  readonly scoredLabels: readonly string[];
  readonly scoredSignals: readonly SignalCategory[];
  readonly codes: Readonly<Record<string, readonly SignalCategory[]>>;
}

function bad(source: string, what: string, expected: string): never {
  throw new OvertureError('invalid-input', `invalid ${source}: ${what} (expected ${expected})`);
}

export function parsePloverCodes(json: string, source: string): PloverCodes {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    bad(source, 'not JSON', 'a JSON object with scoredLabels, scoredSignals and codes');
  }
  const o = raw as Partial<Record<string, unknown>>;
  const isSignal = (s: unknown): s is SignalCategory => (SIGNALS as readonly unknown[]).includes(s);
  if (!Array.isArray(o.scoredLabels) || !o.scoredLabels.every((l) => typeof l === 'string')) {
    bad(source, '"scoredLabels" is not a list of labels', 'PLOVER event types such as "REJECT"');
  }
  if (!Array.isArray(o.scoredSignals) || !o.scoredSignals.every(isSignal)) {
    bad(source, '"scoredSignals" is not a list of signals', `signals among ${SIGNALS.join(', ')}`);
  }
  if (typeof o.codes !== 'object' || o.codes === null)
    bad(source, '"codes" is missing', 'an object from PLOVER id to signals');
  for (const [id, signals] of Object.entries(o.codes)) {
    if (!Array.isArray(signals) || !signals.every(isSignal))
      bad(source, `codes of ${id}`, 'a list of signals');
  }
  return o as unknown as PloverCodes;
}

/** Gold items for the PLOVER records whose first label is scored, coded by `codes`. */
export function ploverGold(jsonl: string, codes: PloverCodes, source: string): GoldItem[] {
  const items: GoldItem[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let record: { id?: unknown; text?: unknown; labels?: unknown };
    try {
      record = JSON.parse(line);
    } catch {
      bad(`PLOVER record in ${source} line ${index + 1}`, 'not JSON', 'one JSON object per line');
    }
    const label = Array.isArray(record.labels) ? record.labels[0] : undefined;
    if (typeof record.id !== 'string' || typeof record.text !== 'string' || typeof label !== 'string') {
      bad(
        `PLOVER record in ${source} line ${index + 1}`,
        'id, text or labels missing',
        'a PLOVER gold-standard record',
      );
    }
    if (!codes.scoredLabels.includes(label)) return;
    const signals = codes.codes[record.id] ?? [];
    items.push({ id: record.id, text: record.text, lang: 'en', signals, positions: [] });
  });
  return items;
}
