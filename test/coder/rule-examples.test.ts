// Every rule of the default codebook shows users an example (in `explain`, in the dashboard's
// evidence): the example must be a sentence the rule itself matches, not one that a later
// exclusion, `unless` or negation stops, nor one a broken pattern never reaches. A rule whose
// example it does not match is either mis-written or mis-explained.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { loadCoder } from '../../src/coder/load-coder.js';

const coder = await loadCoder({ modelPath: null });

test("every rule's example is matched by that rule", () => {
  const missed: string[] = [];
  let checked = 0;
  for (const rule of coder.compiled.rules) {
    const example = rule.spec.example;
    if (example === undefined || example === '') continue;
    checked++;
    const statements = coder.explain({ text: example, lang: rule.lang, defaultSpeaker: null });
    if (!statements.some((s) => s.analysis.hits.some((hit) => hit.rule.id === rule.id))) {
      const stopped = statements.flatMap((s) => s.analysis.suppressed).find((x) => x.rule.id === rule.id);
      const why = stopped
        ? ` (stopped: ${stopped.reason} ${stopped.detail})`
        : ' (its patterns do not match)';
      missed.push(`${rule.file}: ${rule.id}${why}\n    ${example}`);
    }
  }
  assert.ok(checked > 1000, `${checked} rules with examples`);
  assert.deepEqual(missed, [], `${missed.length} of ${checked} rules do not match their own example`);
});
