// Replaces the statements and signals of a batch of documents in one transaction, so a
// document is never left half-coded, and marks each with the codebook version that coded it.
import type { Db } from './db.js';
import type { CodingWrite } from './store.js';

export async function writeCoding(
  db: Db,
  codebookVersion: string,
  batch: readonly CodingWrite[],
  options: { markDocuments?: boolean } = {},
): Promise<void> {
  if (batch.length === 0) return;
  const st = { doc: [] as number[], idx: [] as number[], start: [] as number[], end: [] as number[] };
  const stText: string[] = [];
  const stSpeaker: string[] = [];
  const sg = {
    doc: [] as number[],
    idx: [] as number[],
    seq: [] as number[],
    category: [] as string[],
    speaker: [] as Array<string | null>,
    target: [] as Array<string | null>,
    position: [] as Array<string | null>,
    stance: [] as Array<string | null>,
    confidence: [] as number[],
    origin: [] as string[],
    evidence: [] as string[],
  };
  for (const { documentId, statements, defaultSpeaker } of batch) {
    statements.forEach((statement, idx) => {
      st.doc.push(documentId);
      st.idx.push(idx);
      st.start.push(statement.start);
      st.end.push(statement.end);
      stText.push(statement.text);
      stSpeaker.push(statement.signals.find((s) => s.speaker)?.speaker ?? defaultSpeaker ?? '');
      statement.signals.forEach((signal, seq) => {
        sg.doc.push(documentId);
        sg.idx.push(idx);
        sg.seq.push(seq);
        sg.category.push(signal.signal);
        sg.speaker.push(signal.speaker);
        sg.target.push(signal.target);
        sg.position.push(signal.position);
        sg.stance.push(signal.stance);
        sg.confidence.push(signal.confidence);
        sg.origin.push(signal.origin);
        sg.evidence.push(JSON.stringify(signal.evidence));
      });
    });
  }
  const ids = batch.map((item) => item.documentId);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM statements WHERE document_id = ANY($1::bigint[])', [ids]);
    if (st.doc.length > 0) {
      await tx.query(
        `INSERT INTO statements (document_id, idx, start_offset, end_offset, text, speaker)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[])`,
        [st.doc, st.idx, st.start, st.end, stText, stSpeaker],
      );
    }
    if (sg.doc.length > 0) {
      await tx.query(
        `INSERT INTO signals (document_id, statement_idx, seq, category, speaker, target, position_key, stance,
                              confidence, origin, evidence, codebook_version)
         SELECT d, i, s, c, sp, t, p, st, conf, o, e, $12 FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[],
           $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::text[], $11::jsonb[])
           AS u(d, i, s, c, sp, t, p, st, conf, o, e)`,
        [
          sg.doc,
          sg.idx,
          sg.seq,
          sg.category,
          sg.speaker,
          sg.target,
          sg.position,
          sg.stance,
          sg.confidence,
          sg.origin,
          sg.evidence,
          codebookVersion,
        ],
      );
    }
    if (options.markDocuments !== false) {
      await tx.query('UPDATE documents SET coded_version = $2 WHERE id = ANY($1::bigint[])', [
        ids,
        codebookVersion,
      ]);
    }
  });
}

/**
 * Rebuilds the daily roll-ups for the given UTC days (all days when none are given). Both
 * roll-ups count statements by the statement's speaker, so that a share (signal statements over
 * all statements of a speaker group) is a proportion of the same population and never above 1.
 */
export async function refreshRollups(db: Db, days?: readonly string[]): Promise<void> {
  const all = days === undefined;
  const dayList = days ?? [];
  if (!all && dayList.length === 0) return;
  const dayOf = `(d.published_at AT TIME ZONE 'UTC')::date`;
  const where = all ? 'd.published_at IS NOT NULL' : `${dayOf} = ANY($1::date[])`;
  const params = all ? [] : [dayList];
  await db.transaction(async (tx) => {
    await tx.query(
      all ? 'DELETE FROM daily_statements' : 'DELETE FROM daily_statements WHERE day = ANY($1::date[])',
      params,
    );
    await tx.query(
      all ? 'DELETE FROM daily_signals' : 'DELETE FROM daily_signals WHERE day = ANY($1::date[])',
      params,
    );
    await tx.query(
      `INSERT INTO daily_statements (day, source_id, speaker, statements)
       SELECT ${dayOf}, d.source_id, st.speaker, count(*)
         FROM statements st JOIN documents d ON d.id = st.document_id
        WHERE ${where} GROUP BY 1, 2, 3`,
      params,
    );
    await tx.query(
      `INSERT INTO daily_signals (day, source_id, speaker, category, statements)
       SELECT ${dayOf}, d.source_id, st.speaker, s.category,
              count(DISTINCT (s.document_id, s.statement_idx))
         FROM signals s
         JOIN statements st ON st.document_id = s.document_id AND st.idx = s.statement_idx
         JOIN documents d ON d.id = s.document_id
        WHERE ${where} GROUP BY 1, 2, 3, 4`,
      params,
    );
  });
}
