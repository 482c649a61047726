import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { OvertureError } from '../core/errors.js';
import { classifyRecordSchema, parseClassifyLine } from './classify-record.js';

test('reading a line by hand accepts and rejects exactly what the schema does', () => {
  const value = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.constant(undefined),
  );
  const record = fc.record(
    {
      id: value,
      text: value,
      lang: fc.oneof(value, fc.constantFrom('ru', 'uk', 'en', 'deu', 'RU', 'r', 'russian')),
      defaultSpeaker: value,
      extra: value,
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.oneof(record, value), (input) => {
      const line = JSON.stringify(input) ?? 'null';
      const schema = classifyRecordSchema.safeParse(JSON.parse(line));
      let got: unknown;
      try {
        got = parseClassifyLine(line, 'in.jsonl', 7);
      } catch (error) {
        assert.ok(error instanceof OvertureError);
        assert.match(error.message, /^invalid record in in\.jsonl line 7: /);
        assert.equal(schema.success, false, `the schema accepts ${line}`);
        return;
      }
      assert.ok(schema.success, `the schema rejects ${line}`);
      assert.deepEqual(got, schema.data);
    }),
    { seed: 7, numRuns: 2000 },
  );
});
