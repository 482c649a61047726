import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { OvertureError } from '../errors.js';
import { parseCodebook } from './parse-codebook.js';

const languages = {
  path: 'languages.yaml',
  text: `languages:
  en:
    name: English
    negators: [not]
    reporting: { verbs: [said] }
    lexicon: { talks: [talks] }
`,
};
const signal = (body: string) => ({
  path: 'signals/overture.yaml',
  text: `signal: overture\nrules:\n  en:\n${body}`,
});
const rule = `    - id: ready
      any: [ready for $talks]
      rationale: Readiness.
      example: We are ready for talks.
`;

function fails(files: Array<{ path: string; text: string }>, pattern: RegExp): void {
  assert.throws(
    () => parseCodebook(files),
    (error: unknown) =>
      error instanceof OvertureError && error.code === 'invalid-codebook' && pattern.test(error.message),
  );
}

test('a valid codebook parses, with a 16-hex version', () => {
  const codebook = parseCodebook([languages, signal(rule)]);
  assert.equal(codebook.signals[0]?.rules.en?.[0]?.id, 'ready');
  assert.match(codebook.version, /^[0-9a-f]{16}$/);
});

test('a missing field names the file, the line and what was expected', () => {
  fails(
    [languages, signal(rule.replace('      example: We are ready for talks.\n', ''))],
    /^invalid codebook file signals\/overture\.yaml line 4: rules\.en\[0\]\.example: .*expected string/,
  );
});

test('a wrong type names the line of the value', () => {
  fails(
    [languages, signal(rule.replace('[ready for $talks]', '42'))],
    /signals\/overture\.yaml line 5: rules\.en\[0\]\.any: .*expected array/,
  );
});

test('a bad pattern names its line and says what is wrong with it', () => {
  fails(
    [languages, signal(rule.replace('$talks', '$peace'))],
    /signals\/overture\.yaml line 5: rules\.en\[0\]\.any\[0\]: unknown lexicon list "\$peace"/,
  );
  fails([languages, signal(rule.replace('ready for', 'rea*dy for'))], /line 5: .*a star may only end a word/);
});

test('an unknown field, an unknown language and a duplicate id are refused', () => {
  fails(
    [languages, signal(rule.replace('      rationale', '      rationle: x\n      rationale'))],
    /line 4: rules\.en\[0\]: unexpected field\(s\) rationle/,
  );
  fails(
    [languages, { path: 'signals/overture.yaml', text: `signal: overture\nrules:\n  xx:\n${rule}` }],
    /line 3: rules\.xx: unknown language "xx"/,
  );
  fails(
    [languages, signal(rule + rule)],
    /line 8: rules\.en\[1\]\.id: duplicate overture\.en rule id "ready"/,
  );
});

test('a rule needs exactly one of any and near', () => {
  fails(
    [languages, signal(rule.replace('      any: [ready for $talks]\n', ''))],
    /exactly one of "any" \(patterns\) or "near" \(proximity\)/,
  );
});

test('broken YAML, an unknown signal and a missing languages file are named', () => {
  fails(
    [languages, { path: 'signals/x.yaml', text: 'signal: [unclosed\n' }],
    /signals\/x\.yaml line \d+: not valid YAML/,
  );
  fails(
    [languages, { path: 'signals/x.yaml', text: `signal: peace\nrules: {}\n` }],
    /signals\/x\.yaml line 1: signal: .*overture/,
  );
  fails([signal(rule)], /languages\.yaml: missing/);
  fails([languages, { path: 'extra.yaml', text: 'a: 1\n' }], /extra\.yaml.*unexpected file/);
});

test('an actor with an unknown camp is refused when camps are declared', () => {
  fails(
    [
      languages,
      { path: 'camps.yaml', text: 'camps:\n  - { id: other, description: Others. }\n' },
      {
        path: 'actors.yaml',
        text: 'actors:\n  - id: x\n    name: X\n    camp: nowhere\n    aliases: { en: [x] }\n',
      },
    ],
    /actors\.yaml line 4: actors\[0\]\.camp: unknown camp "nowhere"/,
  );
});
