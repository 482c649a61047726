// @ts-check
// A statement with the words its rules matched wrapped in <mark>. Evidence spans are offsets into
// the document's text and the statement starts at `start` in it, so a span is cut from the
// statement at (evidence.start − start). Overlapping spans (two rules, two signals) are split
// into segments so that every character is written once, as text.
import { h } from './dom.js';

/**
 * @typedef {{ rule: string, start: number, end: number, match?: string, rationale?: string | null }} Evidence
 * @typedef {{ signal: string, evidence: Evidence[] }} CodedSignal
 */

/** @param {string} signal */
export function signalClass(signal) {
  return /^[a-z-]+$/.test(signal) ? `sig-${signal}` : 'sig-other';
}

/**
 * @param {string} text the statement
 * @param {number} start the statement's offset in its document
 * @param {readonly CodedSignal[]} signals
 * @param {string | null} focus the signal to emphasise (its marks come first)
 * @returns {HTMLElement}
 */
export function highlightedStatement(text, start, signals, focus) {
  /** @type {Array<{ from: number, to: number, signal: string, rule: string }>} */
  const spans = [];
  for (const signal of signals) {
    for (const evidence of signal.evidence) {
      // A model code's evidence is the whole statement: marking it all would say nothing.
      if (evidence.rule.startsWith('model:')) continue;
      const from = Math.max(0, Math.min(text.length, evidence.start - start));
      const to = Math.max(0, Math.min(text.length, evidence.end - start));
      if (to > from) spans.push({ from, to, signal: signal.signal, rule: evidence.rule });
    }
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  const paragraph = h('p', { class: 'statement-text' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = /** @type {number} */ (cuts[i]);
    const to = /** @type {number} */ (cuts[i + 1]);
    const piece = text.slice(from, to);
    const covering = spans
      .filter((s) => s.from <= from && s.to >= to)
      .sort((a, b) => Number(b.signal === focus) - Number(a.signal === focus));
    const first = covering[0];
    if (!first) {
      paragraph.append(piece);
      continue;
    }
    const label = covering.map((s) => `${s.signal} (rule ${s.rule})`).join('; ');
    paragraph.append(
      h(
        'mark',
        { class: `${signalClass(first.signal)}${first.signal === focus ? ' focus' : ''}`, title: label },
        piece,
      ),
    );
  }
  return paragraph;
}
