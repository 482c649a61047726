import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyzeStatement } from '../coding/analyze-statement.js';
import { tokenize } from '../text/tokenize.js';
import { compileCodebook } from './compile-codebook.js';
import { parseCodebook } from './parse-codebook.js';

const files = [
  {
    path: 'languages.yaml',
    text: `languages:
  en:
    name: English
    negators: [not]
    clauseBreaks: [but]
    reporting: { verbs: [said], frames: [according to], acts: [rejected] }
`,
  },
  {
    path: 'actors.yaml',
    text: 'actors:\n  - { id: kyiv, name: Kyiv, kind: country, aliases: { en: [kyiv] } }\n',
  },
  {
    path: 'signals/overture.yaml',
    text: `signal: overture
rules:
  en:
    - { id: resume, any: [resume talks], rationale: r, example: We resume talks. }
    - { id: open, any: [open to talks], rationale: r, example: We are open to talks. }
    - { id: table, any: [talks at the table], rationale: r, example: There will be talks at the table. }
`,
  },
  {
    path: 'signals/refusal.yaml',
    text: `signal: refusal
rules:
  en:
    - id: hollow
      near: { a: [talks], b: [hollow|pointless], within: 3, ordered: false }
      rationale: r
      example: The talks are hollow.
`,
  },
  { path: 'positions.yaml', text: 'positions: []\nstances: {}\n' },
];

test('a proximity rule is triggered by the part likelier to be missing; the model gate keeps its first part', () => {
  const compiled = compileCodebook(parseCodebook(files));
  const { matcher } = compiled;
  const rule = compiled.rules.findIndex((r) => r.id === 'refusal.en.hollow');
  const [talks] = compiled.rules[rule]?.nearA ?? [];
  const [hollow] = compiled.rules[rule]?.nearB ?? [];
  const triggers = (p: number | undefined) =>
    (compiled.roles[p ?? -1] ?? []).some((r) => r.kind === 'rule' && r.rule === rule);
  // "talks" is in every rule of the codebook, "hollow" in one: "hollow" triggers the rule.
  assert.equal(triggers(hollow), true);
  assert.equal(triggers(talks), false);
  assert.equal(matcher.isDeferred(talks ?? -1), true);
  assert.ok(matcher.longestTerms(talks ?? -1).every((t) => compiled.modelGate[t] === 1));
  // Coded as before, whichever part triggers it, in either order of the words.
  for (const text of ['The talks are hollow.', 'Pointless, these talks.']) {
    const analysis = analyzeStatement(compiled, tokenize(text), 'en');
    assert.deepEqual(
      analysis.hits.map((h) => h.rule.id),
      ['refusal.en.hollow'],
      text,
    );
  }
  // A statement with only the common part triggers nothing.
  assert.deepEqual(analyzeStatement(compiled, tokenize('The talks went on.'), 'en').hits, []);
});
