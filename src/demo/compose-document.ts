// Builds the text of one synthetic document from sentence kinds: a lead sentence drawn by the
// source's weights for the day, then up to four more (mostly background), each filled from the
// bank; the document keeps every sentence's offsets and intended coding.
import type { KindWeights } from './demo-sources.js';
import {
  type CompiledBank,
  type CompiledTemplate,
  type FilledSentence,
  fillTemplate,
} from './fill-template.js';
import type { Random } from './seeded-random.js';
import type { IntendedSignal } from './template.js';

export interface IntendedStatement {
  /** UTF-16 offsets into the document's text, like a stored statement's. */
  start: number;
  end: number;
  text: string;
  /** The template the sentence came from (`lang:kind:n`). */
  template: string;
  signals: IntendedSignal[];
}

export interface ComposedDocument {
  text: string;
  statements: IntendedStatement[];
}

const SENTENCE_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [1, 0.3],
  [2, 0.3],
  [3, 0.22],
  [4, 0.12],
  [5, 0.06],
];

/** A document of 1–5 sentences: the lead by the day's weights, the rest leaning to background. */
export function composeByWeights(bank: CompiledBank, weights: KindWeights, random: Random): ComposedDocument {
  const count = random.weighted(SENTENCE_COUNTS);
  const extraWeights = weights.map(
    ([kind, weight]) => [kind, kind.endsWith('neutral') ? weight * 1.5 : weight] as const,
  );
  const used = new Set<string>();
  const sentences: FilledSentence[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = random.weighted(index === 0 ? weights : extraWeights);
    sentences.push(fillTemplate(pickTemplate(bank, kind, used, random), random));
  }
  return assemble(sentences);
}

/** A document whose sentences have the given kinds, in order (scheduled scenario events). */
export function composeByKinds(
  bank: CompiledBank,
  kinds: readonly string[],
  random: Random,
): ComposedDocument {
  const used = new Set<string>();
  return assemble(kinds.map((kind) => fillTemplate(pickTemplate(bank, kind, used, random), random)));
}

/**
 * A near-duplicate re-post: the same sentences with other quotation marks and end punctuation,
 * so that only case, punctuation and spacing differ (what near-duplicate fingerprints ignore).
 */
export function repostOf(original: ComposedDocument, random: Random): ComposedDocument {
  const emphatic = random.chance(0.5);
  return assemble(
    original.statements.map((statement) => {
      let text = statement.text.replace(/[«»“”]/g, '"');
      if (emphatic && text.endsWith('.')) text = `${text.slice(0, -1)}!`;
      return { text, template: statement.template, signals: statement.signals };
    }),
  );
}

function pickTemplate(bank: CompiledBank, kind: string, used: Set<string>, random: Random): CompiledTemplate {
  const templates = bank.byKind.get(kind);
  if (!templates || templates.length === 0)
    throw new RangeError(`no ${bank.lang} templates of kind "${kind}"`);
  let template = random.pick(templates);
  for (let attempt = 0; attempt < 4 && used.has(template.id); attempt += 1) template = random.pick(templates);
  used.add(template.id);
  return template;
}

function assemble(sentences: readonly FilledSentence[]): ComposedDocument {
  let text = '';
  const statements: IntendedStatement[] = [];
  for (const sentence of sentences) {
    if (text.length > 0) text += ' ';
    const start = text.length;
    text += sentence.text;
    statements.push({
      start,
      end: text.length,
      text: sentence.text,
      template: sentence.template,
      signals: sentence.signals,
    });
  }
  return { text, statements };
}
