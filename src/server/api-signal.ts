// The one JSON shape of a signal, wherever the API shows one (document, evidence list, position
// ledger): its code, who said it about whom, and its evidence with the matched words cut from
// the statement and the rule's rationale, so that a reader can check why it was coded.
import { evidenceSpans } from '../core/analysis/evidence.js';
import type { SignalRow } from '../store/queries/api-document-detail.js';

export interface ApiEvidence {
  rule: string;
  /** UTF-16 offsets into the document's text. */
  start: number;
  end: number;
  /** The matched words. */
  match: string;
  rationale: string | null;
}

export interface ApiSignal {
  signal: string;
  speaker: string | null;
  target: string | null;
  position: string | null;
  stance: string | null;
  confidence: number;
  origin: string;
  codebookVersion: string;
  evidence: ApiEvidence[];
}

export function apiSignal(
  row: SignalRow,
  statement: { text: string; start: number },
  ruleRationale: (rule: string) => string | null,
): ApiSignal {
  const spans = Array.isArray(row.evidence) ? row.evidence : [];
  return {
    signal: row.category,
    speaker: row.speaker,
    target: row.target,
    position: row.position_key,
    stance: row.stance,
    confidence: row.confidence,
    origin: row.origin,
    codebookVersion: row.codebook_version,
    evidence: evidenceSpans(statement.text, statement.start, spans).map((span) => ({
      rule: span.rule,
      start: span.start,
      end: span.end,
      match: span.match,
      rationale: ruleRationale(span.rule),
    })),
  };
}

/** Signals grouped by their statement, keyed `documentId:idx`. */
export function signalsByStatement(rows: readonly SignalRow[]): Map<string, SignalRow[]> {
  const map = new Map<string, SignalRow[]>();
  for (const row of rows) {
    const key = `${row.document_id}:${row.statement_idx}`;
    const list = map.get(key) ?? [];
    list.push(row);
    map.set(key, list);
  }
  return map;
}

export function isoOrNull(date: Date | string | null): string | null {
  if (date === null) return null;
  return (date instanceof Date ? date : new Date(date)).toISOString();
}
