// Store rows → the evidence records the core analyses quote.
import { evidenceSpans, type StatementEvidence } from '../../core/analysis/evidence.js';
import { dayOf } from '../../core/analysis/period.js';
import type { PositionStatement } from '../../core/analysis/positions.js';
import { STANCES, type Stance } from '../../core/types.js';
import type { PositionSignalRow } from '../../store/queries/group-position-signals.js';
import type { SignalEvidenceRow } from '../../store/queries/signal-evidence.js';

export function toStatementEvidence(row: SignalEvidenceRow | PositionSignalRow): StatementEvidence {
  const speaker = 'speaker' in row ? (row.speaker as string | null) : (row.actor as string);
  return {
    documentId: Number(row.document_id),
    statementIdx: row.statement_idx,
    text: row.text,
    source: row.source,
    camp: row.camp,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    url: row.url,
    speaker,
    target: row.target,
    confidence: row.confidence,
    spans: evidenceSpans(row.text, row.start_offset, Array.isArray(row.evidence) ? row.evidence : []),
  };
}

export function toPositionStatement(row: PositionSignalRow): PositionStatement {
  const stance: Stance = (STANCES as readonly string[]).includes(row.stance)
    ? (row.stance as Stance)
    : 'assert';
  return {
    actor: row.actor,
    key: row.position_key,
    stance,
    day: dayOf(new Date(row.published_at)),
    evidence: toStatementEvidence(row),
  };
}
