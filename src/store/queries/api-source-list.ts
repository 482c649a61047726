import type { Db } from '../db.js';

export interface SourceListRow {
  id: number;
  name: string;
  camp: string;
  lang: string | null;
  kind: string;
  url: string | null;
  default_speaker: string | null;
  documents: number;
  statements: number;
  first_day: string | null;
  last_day: string | null;
  last_fetched_at: Date | null;
  last_status: string | null;
  failures: number;
  [column: string]: unknown;
}

/**
 * Every source with what it has contributed: documents (counted in the documents table) and
 * coded statements and active days (from the daily roll-up, so the cost does not grow with the
 * corpus).
 */
export function apiSourceList(db: Db): Promise<SourceListRow[]> {
  return db.query<SourceListRow>(
    `SELECT s.id, s.name, s.camp, s.lang, s.kind, s.url, s.default_speaker,
            coalesce(d.documents, 0)::int AS documents,
            coalesce(r.statements, 0)::int AS statements,
            r.first_day, r.last_day,
            s.last_fetched_at, s.last_status, s.failures
       FROM sources s
       LEFT JOIN (SELECT source_id, count(*) AS documents FROM documents GROUP BY source_id) d
              ON d.source_id = s.id
       LEFT JOIN (SELECT source_id, sum(statements) AS statements, min(day) AS first_day, max(day) AS last_day
                    FROM daily_statements GROUP BY source_id) r
              ON r.source_id = s.id
      ORDER BY s.camp, s.name`,
  );
}
