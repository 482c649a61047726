// The reader for JSON Lines corpora (https://jsonlines.org): one JSON object per line, read
// line by line so memory stays flat whatever the file's size. A bad line is rejected with its
// number and the reason; every good line is kept.
import { OvertureError } from '../core/errors.js';
import { toCorpusDocument } from './corpus-record.js';
import { readLines } from './read-lines.js';
import type { Reader } from './reader.js';

const EXPECTED = 'expected one JSON object per line';

export const readJsonl: Reader = async function* readJsonl(input, options) {
  const { label } = input;
  let records = 0;
  for await (const line of readLines(input)) {
    const ref = `${label} line ${line.number}`;
    if (line.text === null) {
      records += 1;
      yield { kind: 'rejected', ref, reason: line.problem };
      continue;
    }
    const source = line.text.trim();
    if (source === '') continue;
    records += 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      if (records === 1 && /^[{[]$/.test(source)) {
        // The whole file is one pretty-printed JSON document: say so once instead of rejecting
        // every one of its lines.
        throw new OvertureError(
          'invalid-input',
          `${label}: line ${line.number} is "${source}" alone, so this is one pretty-printed JSON document, not JSON Lines (${EXPECTED})`,
        );
      }
      const detail = error instanceof Error ? error.message : String(error);
      yield { kind: 'rejected', ref, reason: `invalid JSON: ${detail} (${EXPECTED})` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
      yield { kind: 'rejected', ref, reason: `${kind}, not an object (${EXPECTED})` };
      continue;
    }
    const result = toCorpusDocument(value as Record<string, unknown>, ref, options);
    if (result.ok) yield { kind: 'document', document: result.document };
    else yield { kind: 'rejected', ref, reason: result.reason };
  }
  if (records === 0) throw new OvertureError('invalid-input', `${label}: empty file (${EXPECTED})`);
};
