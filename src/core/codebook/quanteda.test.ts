import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseCodebook } from './parse-codebook.js';
import { codebookToQuanteda, quantedaToSignalFile } from './quanteda.js';

const languages = {
  path: 'languages.yaml',
  text: `languages:
  ru:
    name: Russian
    negators: [не]
    reporting: { verbs: [заявил*] }
    lexicon: { talks: [переговор*, мирн* процесс*] }
`,
};

test('export writes nested keys → glob lists, alternatives spelled out and gaps dropped', () => {
  const codebook = parseCodebook([
    languages,
    {
      path: 'signals/overture.yaml',
      text: `signal: overture
rules:
  ru:
    - { id: ready, any: ['готов* к|до $talks'], rationale: r, example: e }
    - { id: near, near: { a: [открыт*], b: [диалог*], within: 3 }, rationale: r, example: e }
`,
    },
  ]);
  const text = codebookToQuanteda(codebook);
  assert.match(text, /^# quanteda dictionary exported/);
  const dict = parse(text) as Record<string, Record<string, Record<string, unknown>>>;
  assert.deepEqual(dict.overture?.ru?.ready, [
    'готов* к переговор*',
    'готов* до переговор*',
    'готов* к мирн* процесс*',
    'готов* до мирн* процесс*',
  ]);
  assert.deepEqual(dict.overture?.ru?.near, { a: ['открыт*'], b: ['диалог*'] });
});

test('import turns each leaf list into a rule and the result loads as a codebook signal file', () => {
  const dictionary = `peace:
  calls:
    - призыв* к миру
    - мирн* переговор*
  bad:
    - "*война"
    - пере?оворы
refusal: [отказ*]
`;
  const result = quantedaToSignalFile(dictionary, { signal: 'overture', lang: 'ru', source: 'peace.yml' });
  assert.equal(result.rules, 2);
  assert.deepEqual(
    result.skipped.map((s) => [s.key, s.pattern]),
    [
      ['peace.bad', '*война'],
      ['peace.bad', 'пере?оворы'],
    ],
  );
  const codebook = parseCodebook([languages, { path: 'signals/overture.peace.yaml', text: result.yaml }]);
  const rules = codebook.signals[0]?.rules.ru ?? [];
  assert.deepEqual(
    rules.map((r) => [r.id, r.any]),
    [
      ['peace-calls', ['призыв* к миру', 'мирн* переговор*']],
      ['refusal', ['отказ*']],
    ],
  );
  assert.match(rules[0]?.rationale ?? '', /peace\.yml, key peace\.calls/);
});
