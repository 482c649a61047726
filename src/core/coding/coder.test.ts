import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCodebook } from '../codebook/parse-codebook.js';
import { foldText } from '../text/fold.js';
import { tokenize } from '../text/tokenize.js';
import { SIGNALS } from '../types.js';
import { createCoder, MIN_MODEL_WORDS, type SignalModel } from './coder.js';

const files = [
  {
    path: 'languages.yaml',
    text: `languages:
  en:
    name: English
    negators: [not, never, "n't", no]
    clauseBreaks: [but]
    reporting:
      verbs: [said|says|told]
      frames: [according to]
      acts: [rejected|proposed]
    lexicon:
      talks: [talks|negotiations|dialogue, peace talks]
`,
  },
  {
    path: 'actors.yaml',
    text: `actors:
  - { id: peskov, name: Dmitry Peskov, aliases: { en: [peskov] } }
  - { id: zelensky, name: Volodymyr Zelensky, aliases: { en: [zelensky*] } }
  - { id: putin, name: Vladimir Putin, aliases: { en: [putin*] } }
  - { id: kyiv, name: Kyiv, kind: country, aliases: { en: [kyiv, kyiv's] } }
  - { id: kremlin, name: Kremlin, kind: body, aliases: { en: [kremlin] } }
`,
  },
  {
    path: 'signals/overture.yaml',
    text: `signal: overture
negation: { flip: refusal }
exclude:
  en:
    - id: humanitarian
      any: [prisoner exchange]
      rationale: Not about ending the war.
      example: Ready for talks on a prisoner exchange.
rules:
  en:
    - id: ready
      near: { a: [ready|open], b: [$talks], within: 3 }
      rationale: Readiness for talks.
      example: We are ready for talks.
`,
  },
  {
    path: 'signals/refusal.yaml',
    text: `signal: refusal
rules:
  en:
    - id: rejected
      any: [rejected ~3 proposal|truce]
      unlessSignal: [blame]
      rationale: A rejection.
      example: Moscow rejected the truce.
`,
  },
  {
    path: 'signals/blame.yaml',
    text: `signal: blame
target: before
rules:
  en:
    - id: sabotage
      any: ['sabotag* ~2 $talks']
      rationale: Sabotaging talks.
      example: Kyiv is sabotaging the talks.
    - id: our-truce
      any: [rejected our]
      rationale: The proposer's accusation.
      example: Russia rejected our truce.
`,
  },
  {
    path: 'signals/delegitimize.yaml',
    text: `signal: delegitimize
target: after
rules:
  en:
    - id: regime
      any: [kyiv regime, illegitimate]
      rationale: A label.
      example: the Kyiv regime
`,
  },
  {
    path: 'signals/stall.yaml',
    text: `signal: stall
rules:
  en:
    - id: venue
      any: [in geneva|istanbul]
      require: [only]
      rationale: Venue dispute.
      example: Talks only in Geneva.
`,
  },
  {
    path: 'positions.yaml',
    text: `positions:
  - key: annexed-territories
    description: Recognition of the annexed regions.
    rules:
      en:
        - { id: realities, any: [new territorial realities], rationale: Annexation., example: Accept the new territorial realities. }
  - key: neutrality
    description: Neutral status for Ukraine.
    rules:
      en:
        - { id: neutral, any: [neutrality], rationale: Neutrality., example: It demands neutrality. }
stances:
  harden:
    en: [{ id: now-also, any: [now also], rationale: Widened., example: Now also Kharkiv. }]
  drop:
    en: [{ id: no-longer, any: [no longer insists], rationale: Given up., example: It no longer insists. }]
`,
  },
];

const codebook = parseCodebook(files);
const coder = createCoder(codebook);
const code = (text: string, defaultSpeaker: string | null = null) =>
  coder.code({ text, lang: 'en', defaultSpeaker }).flatMap((s) => s.signals);
const signals = (text: string) => code(text).map((c) => c.signal);

test('a cue codes its signal with evidence spans into the original text', () => {
  const text = 'Moscow is ready for peace talks.';
  const [c] = code(text);
  assert.equal(c?.signal, 'overture');
  assert.deepEqual(
    c?.evidence.map((e) => text.slice(e.start, e.end)),
    ['ready', 'peace talks'],
  );
  assert.equal(c?.evidence[0]?.rule, 'overture.en.ready');
});

test('a negator before the cue flips an overture into a refusal', () => {
  assert.deepEqual(signals('Moscow is not ready for talks.'), ['refusal']);
  assert.deepEqual(
    signals("Kyiv isn't ready... no, it is never open to dialogue."),
    ['refusal', 'refusal'].slice(0, 1),
  );
});

test('a clause boundary stops the negator', () => {
  assert.deepEqual(signals('No, Moscow is ready for talks.'), ['overture']);
  assert.deepEqual(signals('It is not over, but we are ready for talks.'), ['overture']);
});

test('an exclusion keeps humanitarian arrangements uncoded', () => {
  assert.deepEqual(signals('Both sides are ready for talks on a prisoner exchange.'), []);
});

test('a rule yields to another signal found in the same statement', () => {
  assert.deepEqual(signals('Moscow rejected the proposal.'), ['refusal']);
  assert.deepEqual(signals('Moscow rejected our proposal.'), ['blame']);
});

test('a required pattern must occur somewhere in the statement', () => {
  assert.deepEqual(signals('Talks in Geneva went on.'), []);
  assert.deepEqual(signals('Talks only in Geneva.'), ['stall']);
});

test('the speaker comes from the reporting frame, else the default speaker', () => {
  assert.equal(code('Peskov said Moscow is ready for talks.')[0]?.speaker, 'peskov');
  assert.equal(code('Moscow is ready for talks, Peskov said.')[0]?.speaker, 'peskov');
  assert.equal(code('According to Peskov, Moscow is ready for talks.')[0]?.speaker, 'peskov');
  assert.equal(code('Peskov: “We are ready for talks.”')[0]?.speaker, 'peskov');
  assert.equal(code('“We are ready for talks,” said Peskov.')[0]?.speaker, 'peskov');
  assert.equal(code('Moscow is ready for talks.', 'tass')[0]?.speaker, 'tass');
  assert.equal(code('He said Moscow is ready for talks.', 'tass')[0]?.speaker, null);
});

test('each signal takes the frame that governs its evidence (guide rule 13)', () => {
  const codes = code('Zelensky said Kyiv is sabotaging nothing, while Putin said Moscow is ready for talks.');
  const overture = codes.find((c) => c.signal === 'overture');
  assert.equal(overture?.speaker, 'putin');
  const both = code(
    'Zelensky said the Kremlin is sabotaging the talks after Putin said he is ready for talks.',
  );
  assert.equal(both.find((c) => c.signal === 'blame')?.speaker, 'zelensky');
  assert.equal(both.find((c) => c.signal === 'overture')?.speaker, 'putin');
});

test('blame and labels find their target, never the speaker', () => {
  const blame = code('Peskov said Kyiv is sabotaging the talks.').find((c) => c.signal === 'blame');
  assert.equal(blame?.speaker, 'peskov');
  assert.equal(blame?.target, 'kyiv');
  const label = code('The Kyiv regime shelled the city.')[0];
  assert.equal(label?.target, 'kyiv');
  assert.equal(code('Putin called Zelensky illegitimate.', null)[0]?.target, 'zelensky');
});

test('a conditional overture is coded with the position it is conditioned on', () => {
  const codes = code('Moscow is ready for talks if Kyiv accepts the new territorial realities.');
  assert.deepEqual(
    codes.map((c) => [c.signal, c.position, c.stance]),
    [
      ['overture', null, null],
      ['position', 'annexed-territories', 'assert'],
    ],
  );
});

test('stance cues harden or drop a position', () => {
  assert.equal(code('Moscow now also demands the new territorial realities.')[0]?.stance, 'harden');
  assert.equal(code('Moscow no longer insists on the new territorial realities.')[0]?.stance, 'drop');
});

test('with two positions in a statement, a stance cue bears on the nearer one', () => {
  const codes = code(
    'Moscow still wants the new territorial realities recognised, but it no longer insists on neutrality for Ukraine.',
  ).filter((c) => c.signal === 'position');
  assert.deepEqual(
    codes.map((c) => [c.position, c.stance]),
    [
      ['annexed-territories', 'assert'],
      ['neutrality', 'drop'],
    ],
  );
});

test('model codes are added only for signals the rules did not find, marked as such', () => {
  const model: SignalModel = {
    id: 'test-1',
    predict: () => [
      { signal: 'overture', probability: 0.99 },
      { signal: 'threat', probability: 0.7 },
      { signal: 'wedge', probability: 0.2 },
    ],
  };
  const withModel = createCoder(codebook, { model, modelThreshold: 0.5 });
  assert.equal(withModel.version, `${codebook.version}+test-1`);
  const text = 'Moscow is ready for talks with Kyiv at any time.';
  const codes = withModel.code({ text, lang: 'en', defaultSpeaker: 'tass' }).flatMap((s) => s.signals);
  assert.deepEqual(
    codes.map((c) => [c.signal, c.origin]),
    [
      ['overture', 'rule'],
      ['threat', 'model'],
    ],
  );
  assert.deepEqual(codes[1]?.evidence, [{ rule: 'model:test-1', start: 0, end: text.length }]);
  assert.equal(codes[1]?.confidence, 0.7);
});

test('the model is told which signals the rules found, and nothing else', () => {
  const asked: number[] = [];
  const model: SignalModel = {
    id: 'test-ignore',
    predict: () => [],
    probabilities: (_words, _lang, _floor, _ids, ignore) => {
      asked.push(ignore ?? 0);
      return Float64Array.from(SIGNALS, (signal) => (signal === 'threat' ? 0.9 : 0));
    },
  };
  const coder = createCoder(codebook, { model, modelThreshold: 0.5 });
  const text = 'Moscow is ready for talks with Kyiv at any time.';
  const codes = coder.code({ text, lang: 'en', defaultSpeaker: null }).flatMap((s) => s.signals);
  assert.deepEqual(
    codes.map((c) => [c.signal, c.origin]),
    [
      ['overture', 'rule'],
      ['threat', 'model'],
    ],
  );
  assert.deepEqual(asked, [1 << SIGNALS.indexOf('overture')]);
});

test('a statement shorter than MIN_MODEL_WORDS words gets no model codes', () => {
  const model: SignalModel = { id: 'test-2', predict: () => [{ signal: 'threat', probability: 0.99 }] };
  const withModel = createCoder(codebook, { model });
  const short = 'We are fighting.';
  assert.deepEqual(
    withModel.code({ text: short, lang: 'en', defaultSpeaker: null }).flatMap((s) => s.signals),
    [],
  );
  // Long enough, and a word of the codebook's rules occurs ("talks") though no rule fires.
  const long = 'The talks in Geneva were about every village and every street of our land.';
  assert.ok(long.split(' ').length >= MIN_MODEL_WORDS);
  assert.deepEqual(
    withModel
      .code({ text: long, lang: 'en', defaultSpeaker: null })
      .flatMap((s) => s.signals.map((c) => c.origin)),
    ['model'],
  );
  // A rule's key word occurs ("sabotage", without its talks within two words), and the only
  // phrase that occurs is one the matcher finds on demand ("talks", the second part of the
  // proximity rule): a phrase of the codebook occurs all the same.
  const deferredOnly = 'The sabotage came later; the talks went on in every village and every street.';
  const analysis = withModel.explain({ text: deferredOnly, lang: 'en', defaultSpeaker: null })[0]?.analysis;
  assert.deepEqual(analysis?.occurrences, []);
  assert.equal(analysis?.anyPhrase, true);
  assert.deepEqual(
    withModel
      .code({ text: deferredOnly, lang: 'en', defaultSpeaker: null })
      .flatMap((s) => s.signals.map((c) => c.origin)),
    ['model'],
  );
});

test('a statement in which no phrase of the codebook occurs gets no model codes', () => {
  const model: SignalModel = { id: 'test-3', predict: () => [{ signal: 'threat', probability: 0.99 }] };
  const withModel = createCoder(codebook, { model });
  const plain = 'We are fighting for every village and every street of our land.';
  assert.ok(plain.split(' ').length >= MIN_MODEL_WORDS);
  assert.deepEqual(
    withModel.code({ text: plain, lang: 'en', defaultSpeaker: null }).flatMap((s) => s.signals),
    [],
  );
});

test('explain gives the model codes classify gives, also where no rule trigger word occurs', () => {
  const model: SignalModel = { id: 'test-4', predict: () => [{ signal: 'threat', probability: 0.99 }] };
  const withModel = createCoder(codebook, { model });
  // An actor and a reporting verb occur, but no rule's trigger word: the model's gate is closed.
  const text = 'Putin said the war would go on for every village and every street.';
  const input = { text, lang: 'en', defaultSpeaker: null } as const;
  assert.deepEqual(withModel.code(input)[0]?.signals, []);
  const [explained] = withModel.explain(input);
  assert.ok((explained?.analysis.actors.length ?? 0) > 0);
  assert.deepEqual(explained?.statement.signals, []);
});

test('the version is the content hash of the codebook and changes with it', () => {
  assert.match(coder.version, /^[0-9a-f]{16}$/);
  const edited = parseCodebook(
    files.map((f) => (f.path === 'actors.yaml' ? { ...f, text: f.text.replace('Dmitry', 'D.') } : f)),
  );
  assert.notEqual(edited.version, codebook.version);
  assert.equal(parseCodebook([...files].reverse()).version, codebook.version);
});

test('evidence always lies inside its statement and spans words the rule matched', () => {
  const words = [
    'Moscow',
    'is',
    'not',
    'ready',
    'open',
    'for',
    'talks',
    'peace',
    'Kyiv',
    'regime',
    ',',
    '.',
    'Peskov',
    'said',
    '“',
    '”',
    'sabotaging',
    'dialogue',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
      const text = parts.join(' ');
      for (const statement of coder.code({ text, lang: 'en', defaultSpeaker: null })) {
        for (const c of statement.signals) {
          for (const e of c.evidence) {
            assert.ok(e.start >= statement.start && e.end <= statement.end && e.start < e.end);
            const spanned = tokenize(text, e.start, e.end).norms;
            assert.ok(spanned.length > 0);
            assert.equal(foldText(text.slice(e.start, e.end)).startsWith(spanned[0] as string), true);
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});
