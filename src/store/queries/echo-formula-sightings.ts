import type { Db } from '../db.js';

export interface FormulaSightingRow {
  rule: string;
  category: string;
  source: string;
  camp: string;
  lang: string;
  first_time: Date;
  statements: number;
  [column: string]: unknown;
}

export interface FormulaSightingQuery {
  /** ISO instants bounding the documents' publication time (inclusive). */
  since?: string;
  until?: string;
  category?: string;
  /** Only these rule ids (the formulas of an episode, say). */
  rules?: readonly string[];
}

/**
 * Each codebook rule that fired, per source and language: when it first fired there and in how
 * many statements. The echo analysis builds its chains from these few rows per source, so the
 * statements themselves never leave the database. Model codes carry no rule and are left out.
 */
export function echoFormulaSightings(
  db: Db,
  query: FormulaSightingQuery = {},
): Promise<FormulaSightingRow[]> {
  return db.query<FormulaSightingRow>(
    `SELECT ev.rule, s.category, so.name AS source, so.camp, d.lang,
            min(d.published_at) AS first_time,
            count(DISTINCT (s.document_id, s.statement_idx))::int AS statements
       FROM signals s
       JOIN documents d ON d.id = s.document_id
       JOIN sources so ON so.id = d.source_id
       CROSS JOIN LATERAL (SELECT DISTINCT e->>'rule' AS rule FROM jsonb_array_elements(s.evidence) AS e) AS ev
      WHERE d.published_at IS NOT NULL
        AND ev.rule IS NOT NULL AND ev.rule NOT LIKE 'model:%'
        AND ($1::timestamptz IS NULL OR d.published_at >= $1::timestamptz)
        AND ($2::timestamptz IS NULL OR d.published_at <= $2::timestamptz)
        AND ($3::text IS NULL OR s.category = $3)
        AND ($4::text[] IS NULL OR ev.rule = ANY($4::text[]))
      GROUP BY ev.rule, s.category, so.name, so.camp, d.lang`,
    [query.since ?? null, query.until ?? null, query.category ?? null, query.rules ? [...query.rules] : null],
  );
}
