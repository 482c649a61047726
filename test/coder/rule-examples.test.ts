// Every rule of the default codebook matches its own example (core/coding/check-examples.ts): a
// rule that does not is either mis-written or mis-explained. `overture codebook validate` reports
// the same for any codebook folder, as warnings.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { loadCoder } from '../../src/coder/load-coder.js';
import { rulesMissingTheirExample } from '../../src/core/coding/check-examples.js';

test("every rule's example is matched by that rule", async () => {
  const { checked, missed } = rulesMissingTheirExample(await loadCoder({ modelPath: null }));
  assert.ok(checked > 1000, `${checked} rules with examples`);
  assert.deepEqual(
    missed.map((m) => `${m.file}: ${m.rule} (${m.reason})\n    ${m.example}`),
    [],
    `${missed.length} of ${checked} rules do not match their own example`,
  );
});
