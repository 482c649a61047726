// The default codebook against sentences written for this table in each language: every code
// must be right — no signal missing, none extra, and the position keys and stances as given.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { loadCoder } from '../../src/coder/load-coder.js';
import { SIGNALS } from '../../src/core/types.js';
import { EN } from './table-en.js';
import type { TableRow } from './table-row.js';
import { RU } from './table-ru.js';
import { UK } from './table-uk.js';

const coder = await loadCoder({ modelPath: null });

function check(lang: string, rows: TableRow[]): void {
  assert.ok(rows.length >= 40, `${lang} table holds at least 40 sentences`);
  const wrong: string[] = [];
  for (const [text, signals, positions = []] of rows) {
    const codes = coder.code({ text, lang, defaultSpeaker: null }).flatMap((s) => s.signals);
    const got = SIGNALS.filter((s) => codes.some((c) => c.signal === s));
    const want = SIGNALS.filter((s) => signals.includes(s));
    const gotPositions = [
      ...new Set(codes.filter((c) => c.position).map((c) => `${c.position}/${c.stance}`)),
    ].sort();
    if (got.join() !== want.join() || gotPositions.join() !== [...positions].sort().join()) {
      wrong.push(
        `${text}\n    want [${want}] ${positions.join(' ')}\n    got  [${got}] ${gotPositions.join(' ')}`,
      );
    }
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${rows.length} ${lang} sentences coded wrongly`);
}

test('Russian sentences get exactly the codes the guide gives them', () => check('ru', RU));
test('Ukrainian sentences get exactly the codes the guide gives them', () => check('uk', UK));
test('English sentences get exactly the codes the guide gives them', () => check('en', EN));
