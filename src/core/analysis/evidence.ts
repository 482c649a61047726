// A statement quoted as evidence, with everything a reader needs to find and check it: the
// document and statement it is, its text, where and when it was published, and the spans the
// codebook rules matched (with the matched words).
import type { Evidence } from '../types.js';

export interface EvidenceSpan extends Evidence {
  /** The matched words, cut from the statement. */
  match: string;
}

export interface StatementEvidence {
  documentId: number;
  statementIdx: number;
  text: string;
  source: string;
  camp: string;
  /** ISO 8601 (UTC), or null when the document has no date. */
  publishedAt: string | null;
  url: string | null;
  speaker: string | null;
  target: string | null;
  confidence: number;
  spans: EvidenceSpan[];
}

/**
 * Attaches the matched words to rule spans. Spans are offsets into the document's text; the
 * statement starts at `statementStart` in it, so the words are cut from the statement alone.
 */
export function evidenceSpans(
  statementText: string,
  statementStart: number,
  spans: readonly Evidence[],
): EvidenceSpan[] {
  return spans.map((span) => ({
    ...span,
    match: statementText.slice(
      Math.max(0, span.start - statementStart),
      Math.max(0, Math.min(statementText.length, span.end - statementStart)),
    ),
  }));
}
