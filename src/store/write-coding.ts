// Replaces the statements and signals of a batch of documents in one transaction, so a
// document is never left half-coded, and marks each with the codebook version that coded it.
// The hot path is ingest, where every document is new: nothing to delete, rows loaded with one
// COPY per table on the embedded store, and the daily roll-ups counted here instead of
// recounting whole days at the end of the run.
import { OvertureError } from '../core/errors.js';
import { type BulkColumn, bulkInsert } from './bulk-insert.js';
import type { Db } from './db.js';
import type { CodingWrite } from './store.js';

/**
 * On the server, writes that add to the roll-ups hold this advisory lock shared and a refresh
 * holds it alone, so that a refresh never recounts a day while an addition to it is in flight
 * (the addition would land on the recounted row, or be deleted by it).
 */
const ROLLUP_LOCK = 0x6f76_7275; // "ovru"

interface CodingRows {
  statements: BulkColumn[];
  signals: BulkColumn[];
  dailyStatements: BulkColumn[];
  dailySignals: BulkColumn[];
}

/** The rows of a batch, column by column, and what its fresh documents add to the roll-ups. */
function codingRows(codebookVersion: string, batch: readonly CodingWrite[]): CodingRows {
  const st = {
    doc: [] as number[],
    idx: [] as number[],
    start: [] as number[],
    end: [] as number[],
    text: [] as string[],
    speaker: [] as string[],
  };
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
    version: [] as string[],
  };
  // The same counts as refreshRollups: statements by (day, source, statement speaker), and
  // statements with at least one signal of a category by (day, source, speaker, category).
  const perSpeaker = new Map<string, number>();
  const perCategory = new Map<string, number>();
  for (const { documentId, statements, defaultSpeaker, fresh } of batch) {
    const day = fresh?.day ?? null;
    statements.forEach((statement, idx) => {
      const speaker = statement.signals.find((s) => s.speaker)?.speaker ?? defaultSpeaker ?? '';
      st.doc.push(documentId);
      st.idx.push(idx);
      st.start.push(statement.start);
      st.end.push(statement.end);
      st.text.push(statement.text);
      st.speaker.push(speaker);
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
        sg.version.push(codebookVersion);
      });
      if (fresh === undefined || day === null) return;
      const key = `${day}\u0000${fresh.sourceId}\u0000${speaker}`;
      perSpeaker.set(key, (perSpeaker.get(key) ?? 0) + 1);
      for (const category of new Set(statement.signals.map((s) => s.signal))) {
        const categoryKey = `${key}\u0000${category}`;
        perCategory.set(categoryKey, (perCategory.get(categoryKey) ?? 0) + 1);
      }
    });
  }
  const split = (counts: Map<string, number>, names: string[], types: string[]): BulkColumn[] => {
    const parts = [...counts.keys()].map((key) => key.split('\u0000'));
    return [
      ...names.map((name, i) => ({
        name,
        type: types[i]!,
        values: parts.map((p) => (types[i] === 'int' ? Number(p[i]) : p[i])),
      })),
      { name: 'statements', type: 'int', values: [...counts.values()] },
    ];
  };
  return {
    statements: [
      { name: 'document_id', type: 'bigint', values: st.doc },
      { name: 'idx', type: 'int', values: st.idx },
      { name: 'start_offset', type: 'int', values: st.start },
      { name: 'end_offset', type: 'int', values: st.end },
      { name: 'text', type: 'text', values: st.text },
      { name: 'speaker', type: 'text', values: st.speaker },
    ],
    signals: [
      { name: 'document_id', type: 'bigint', values: sg.doc },
      { name: 'statement_idx', type: 'int', values: sg.idx },
      { name: 'seq', type: 'int', values: sg.seq },
      { name: 'category', type: 'text', values: sg.category },
      { name: 'speaker', type: 'text', values: sg.speaker },
      { name: 'target', type: 'text', values: sg.target },
      { name: 'position_key', type: 'text', values: sg.position },
      { name: 'stance', type: 'text', values: sg.stance },
      { name: 'confidence', type: 'float8', values: sg.confidence },
      { name: 'origin', type: 'text', values: sg.origin },
      { name: 'evidence', type: 'jsonb', values: sg.evidence },
      { name: 'codebook_version', type: 'text', values: sg.version },
    ],
    dailyStatements: split(perSpeaker, ['day', 'source_id', 'speaker'], ['date', 'int', 'text']),
    dailySignals: split(
      perCategory,
      ['day', 'source_id', 'speaker', 'category'],
      ['date', 'int', 'text', 'text'],
    ),
  };
}

/** Adds counts to a roll-up table, creating the rows it does not have yet. */
async function addToRollup(tx: Db, table: string, columns: BulkColumn[]): Promise<void> {
  if ((columns[0]?.values.length ?? 0) === 0) return;
  const keys = columns.slice(0, -1).map((c) => c.name);
  await tx.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET statements = ${table}.statements + EXCLUDED.statements`,
    columns.map((c) => c.values),
  );
}

export async function writeCoding(
  db: Db,
  codebookVersion: string,
  batch: readonly CodingWrite[],
  options: { markDocuments?: boolean } = {},
): Promise<void> {
  if (batch.length === 0) return;
  const rows = codingRows(codebookVersion, batch);
  const ids = batch.map((item) => item.documentId);
  const replaced = batch.filter((item) => item.fresh === undefined).map((item) => item.documentId);
  const addsToRollups = (rows.dailyStatements[0]?.values.length ?? 0) > 0;
  await db.transaction(async (tx) => {
    if (addsToRollups && tx.kind === 'postgres')
      await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [ROLLUP_LOCK]);
    // A fresh document has no statements yet: deleting by its id would only cost index probes.
    if (replaced.length > 0)
      await tx.query('DELETE FROM statements WHERE document_id = ANY($1::bigint[])', [replaced]);
    if (tx.copyFrom) {
      // The foreign keys' per-row triggers (each statement looks up and locks its document; each
      // signal, its statement) cost as much as the rows themselves here. The embedded store has
      // one connection, so one look-up of the batch's documents, in this transaction, checks
      // what the triggers would; signals point at the statements written beside them by
      // construction, and the primary keys (indexes, not triggers) still refuse duplicates.
      const found = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM documents WHERE id = ANY($1::bigint[])',
        [[...new Set(ids)]],
      );
      const missing = new Set(ids).size - (found[0]?.n ?? 0);
      if (missing > 0) {
        throw new OvertureError(
          'store-failed',
          `cannot store the coding of ${missing} document(s) that are not in the store (expected documents written before their coding)`,
        );
      }
      await tx.exec('SET LOCAL session_replication_role = replica');
      await bulkInsert(tx, 'statements', rows.statements);
      await bulkInsert(tx, 'signals', rows.signals);
      await tx.exec('SET LOCAL session_replication_role = origin');
    } else {
      await bulkInsert(tx, 'statements', rows.statements);
      await bulkInsert(tx, 'signals', rows.signals);
    }
    await addToRollup(tx, 'daily_statements', rows.dailyStatements);
    await addToRollup(tx, 'daily_signals', rows.dailySignals);
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
    if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
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
