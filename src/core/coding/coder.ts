// The coder: a document's text in, its statements with their signals out. Rules first — every
// rule code carries its evidence — then, when a statistical model is given, the model's codes for
// the signals the rules did not find in a statement, marked origin 'model' with the statement as
// evidence. The version names the codebook (its content hash) and the model, and is recorded with
// every coding run, so that a stored code can always be traced to what produced it.
import type { Codebook } from '../codebook/codebook.js';
import { type CompiledCodebook, compileCodebook } from '../codebook/compile-codebook.js';
import { foldsByUnit, foldText } from '../text/fold.js';
import { segment } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { type CodedStatement, type Lang, SIGNALS, type SignalCategory, type SignalCode } from '../types.js';
import { analyzeStatement, type StatementAnalysis } from './analyze-statement.js';
import { codeStatement, type StatementCoding } from './code-statement.js';

export interface CodeInput {
  text: string;
  lang: Lang;
  /** Actor id that speaks when a statement quotes nobody (the source's default speaker). */
  defaultSpeaker: string | null;
}

export interface Coder {
  readonly version: string;
  code(input: CodeInput): CodedStatement[];
}

export interface SignalModel {
  readonly id: string;
  /** `words`: the statement's folded words (tokenize(text).norms), when the caller has them. */
  predict(
    text: string,
    lang: Lang,
    words?: readonly string[],
  ): Array<{ signal: SignalCategory; probability: number }>;
  /**
   * The same probabilities from the folded words, in SIGNALS order, without an object per
   * signal (the coder's hot path). The array is reused by the next call: read it first. With
   * `floor`, every probability at or above it is exact and one below it may be any value below
   * it (a model may then skip work that would only refine values the caller drops). `ids`: the
   * words' intern ids (TokenList.ids), when the caller has them, for the model's word cache.
   * `ignore` (bits by SIGNALS index): signals whose probability the caller drops whatever it is
   * (the rules found them); a model may give them as 0 and skip work they alone would need.
   */
  probabilities?(
    words: readonly string[],
    lang: Lang,
    floor?: number,
    ids?: readonly number[],
    ignore?: number,
  ): Float64Array;
}

/** One statement with everything the coder found in it, for `overture explain`. */
export interface StatementExplanation {
  readonly statement: CodedStatement;
  readonly analysis: StatementAnalysis;
  readonly coding: StatementCoding;
}

export interface ExplainingCoder extends Coder {
  readonly compiled: CompiledCodebook;
  explain(input: CodeInput): StatementExplanation[];
}

// Chosen by 5-fold cross-validation on dev + train (0.2…0.5 compared; 0.4 best): see
// docs/evaluation.md for that comparison and for the held-out figures.
export const DEFAULT_MODEL_THRESHOLD = 0.4;
export const MIN_MODEL_WORDS = 7;
const SIGNAL_INDEX = new Map(SIGNALS.map((signal, s) => [signal, s]));

const LETTER = /\p{L}/u;
/** Whether a word holds a letter (not only digits): Latin and Cyrillic by range, the rest by \p{L}. */
function hasLetter(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x400 && c <= 0x4ff)) return true;
    if (c > 0x7f && LETTER.test(norm[i] as string)) return true;
  }
  return false;
}

/** A model's predictions as probabilities in SIGNALS order (for a model without `probabilities`). */
function inSignalOrder(
  predicted: ReadonlyArray<{ signal: SignalCategory; probability: number }>,
): Float64Array {
  const out = new Float64Array(SIGNALS.length);
  for (const { signal, probability } of predicted) out[SIGNALS.indexOf(signal)] = probability;
  return out;
}

export function createCoder(
  codebook: Codebook,
  options: { model?: SignalModel; modelThreshold?: number; compiled?: CompiledCodebook } = {},
): ExplainingCoder {
  // A codebook already compiled (a cache's restored snapshot) must be this codebook's.
  if (options.compiled !== undefined && options.compiled.codebook.version !== codebook.version)
    throw new Error('createCoder: the compiled codebook given is not the codebook given');
  const compiled = options.compiled ?? compileCodebook(codebook);
  const { model } = options;
  const threshold = options.modelThreshold ?? DEFAULT_MODEL_THRESHOLD;
  const version = model ? `${codebook.version}+${model.id}` : codebook.version;

  /**
   * Model codes only on statements of at least MIN_MODEL_WORDS words: with few n-grams, the
   * model's bias term decides, and on real speeches short sentences ("We are fighting.") drew
   * most of its false codes. On the gold sets, whose statements are longer, nothing changes;
   * on 16,741 sentences of real addresses it removes 60% of the model's codes (docs/evaluation.md).
   */
  const longEnough = (norms: readonly string[]) => {
    let count = 0;
    for (const norm of norms) if (hasLetter(norm) && ++count >= MIN_MODEL_WORDS) return true;
    return false;
  };

  function addModelCodes(
    statement: CodedStatement,
    lang: Lang,
    coding: StatementCoding | null,
    defaultSpeaker: string | null,
    analysis: StatementAnalysis,
  ): void {
    // A statement in which no phrase of the codebook occurs, or none of the rule patterns'
    // longest words (compile-codebook.ts, modelGate), gets no model code either: on the gold
    // sets this changes nothing, on real speech it removes one model code in eight, nearly all
    // wrong.
    if (!model || !analysis.anyPhrase) return;
    // Most statements get no model code: the sets and the speaker are built only for one that does.
    let found: Set<SignalCategory> | null = null;
    let speaker: string | null | undefined;
    const norms = analysis.tokens.norms;
    // The signals the rules found: their model codes would be dropped below whatever the model says.
    let ruled = 0;
    for (const code of statement.signals) ruled |= 1 << (SIGNAL_INDEX.get(code.signal) as number);
    const scored =
      model.probabilities?.(norms, lang, threshold, analysis.tokens.ids, ruled) ??
      inSignalOrder(model.predict(statement.text, lang, norms));
    for (let s = 0; s < SIGNALS.length; s++) {
      const probability = scored[s] as number;
      if (probability < threshold) continue;
      const signal = SIGNALS[s] as SignalCategory;
      found ??= new Set(statement.signals.map((s) => s.signal));
      if (found.has(signal)) continue;
      found.add(signal);
      if (speaker === undefined) {
        const frameSpeakers = new Set(coding?.frames.map((f) => f.speaker?.actor) ?? []);
        speaker =
          frameSpeakers.size === 1 && coding?.frames[0]?.speaker
            ? (compiled.actors[coding.frames[0].speaker.actor]?.id ?? defaultSpeaker)
            : defaultSpeaker;
      }
      const code: SignalCode = {
        signal,
        speaker,
        target: null,
        position: null,
        stance: null,
        confidence: probability,
        origin: 'model',
        evidence: [{ rule: `model:${model.id}`, start: statement.start, end: statement.end }],
      };
      statement.signals.push(code);
    }
  }

  /** Codes every statement of a text; `each` gets them in order, with the analysis when `keep`. */
  function run(
    input: CodeInput,
    keep: boolean,
    each: (statement: CodedStatement, analysis: StatementAnalysis, coding: StatementCoding) => void,
  ): void {
    // Folded unit by unit as it is tokenized where that gives the same (most texts: see fold.ts).
    const folded = foldsByUnit(input.text) ? null : foldText(input.text);
    for (const span of segment(input.text)) {
      const tokens = tokenize(input.text, span.start, span.end, folded);
      // The model's gate (which may cost a search) is asked only where the model would run.
      const modelGate = model !== undefined && longEnough(tokens.norms);
      const analysis = analyzeStatement(compiled, tokens, input.lang, keep, modelGate);
      const coding = codeStatement(compiled, analysis, input.text, span, input.defaultSpeaker);
      const statement: CodedStatement = {
        start: span.start,
        end: span.end,
        text: input.text.slice(span.start, span.end),
        signals: coding.signals,
      };
      addModelCodes(statement, input.lang, coding, input.defaultSpeaker, analysis);
      each(statement, analysis, coding);
    }
  }

  return {
    version,
    compiled,
    code: (input) => {
      const out: CodedStatement[] = [];
      run(input, false, (statement) => out.push(statement));
      return out;
    },
    explain: (input) => {
      const out: StatementExplanation[] = [];
      run(input, true, (statement, analysis, coding) => out.push({ statement, analysis, coding }));
      return out;
    },
  };
}
