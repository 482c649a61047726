// Every rule shows users an example as the sentence it codes (in `explain`, beside the evidence).
// This finds the rules that do not match their own example: a pattern that never reaches what it
// was written for (a multi-word alternative without parentheses, a gap a word short, one word
// order only), or an example that shows an exclusion's case. Rules only: the model plays no part.
import type { ExplainingCoder } from './coder.js';

export interface ExampleMiss {
  readonly file: string;
  readonly rule: string;
  /** Why the rule did not fire: what stopped it, or that its patterns do not match. */
  readonly reason: string;
  readonly example: string;
}

export function rulesMissingTheirExample(coder: ExplainingCoder): {
  checked: number;
  missed: ExampleMiss[];
} {
  const missed: ExampleMiss[] = [];
  let checked = 0;
  for (const rule of coder.compiled.rules) {
    const example = rule.spec.example;
    if (example === undefined || example === '') continue;
    checked++;
    const statements = coder.explain({ text: example, lang: rule.lang, defaultSpeaker: null });
    if (statements.some((s) => s.analysis.hits.some((hit) => hit.rule.id === rule.id))) continue;
    const stopped = statements.flatMap((s) => s.analysis.suppressed).find((x) => x.rule.id === rule.id);
    missed.push({
      file: rule.file,
      rule: rule.id,
      reason: stopped ? `stopped by ${stopped.reason} ${stopped.detail}` : 'its patterns do not match',
      example,
    });
  }
  return { checked, missed };
}
