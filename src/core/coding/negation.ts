// Negation with a scope, in the manner of NegEx (Chapman et al. 2001): a negator (не, not, ні…)
// within a few words before a cue — or among the words a gap of the pattern skipped — negates
// it, unless a clause boundary (a comma, a dash, «но», "but") stands between them. "Not ready to
// negotiate" is then a refusal, not an overture; «не отказываемся от переговоров» is an overture.
import type { TokenList } from '../text/tokenize.js';

export interface NegationScope {
  /** Token indices [start, end) of the cue (for a proximity rule: from the first part to the last). */
  readonly start: number;
  readonly end: number;
  /** Tokens the pattern's words matched: a negator that is part of the pattern does not count. */
  readonly matched: Pick<ReadonlySet<number>, 'has'>;
  /** How many words before the cue a negator reaches. */
  readonly scope: number;
}

/** The token index of the negator that negates the cue, or -1. */
export function findNegator(
  tokens: TokenList,
  isNegator: ArrayLike<boolean | number>,
  isClauseBreak: ArrayLike<boolean | number>,
  cue: NegationScope,
): number {
  for (let k = cue.start; k < cue.end; k++) {
    if (isNegator[k] && !cue.matched.has(k)) return k;
  }
  const lowest = Math.max(0, cue.start - cue.scope);
  for (let k = cue.start - 1; k >= lowest; k--) {
    if (tokens.breakBefore[k + 1]) break;
    if (isClauseBreak[k]) break;
    if (isNegator[k] && !cue.matched.has(k)) return k;
  }
  return -1;
}
