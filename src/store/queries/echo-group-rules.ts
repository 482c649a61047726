import type { Db } from '../db.js';

/**
 * The rule ids that fired in a speaker group's statements between two instants: statements
 * published by the group's camps or sources, or attributed (signal speaker) to its actors.
 */
export async function echoGroupRules(
  db: Db,
  query: {
    camps: readonly string[];
    sources: readonly string[];
    actors: readonly string[];
    since: string;
    until: string;
    category?: string;
  },
): Promise<string[]> {
  const rows = await db.query<{ rule: string }>(
    `SELECT DISTINCT e->>'rule' AS rule
       FROM signals s
       JOIN documents d ON d.id = s.document_id
       JOIN sources so ON so.id = d.source_id
       CROSS JOIN LATERAL jsonb_array_elements(s.evidence) AS e
      WHERE d.published_at >= $4::timestamptz AND d.published_at <= $5::timestamptz
        AND (so.camp = ANY($1::text[]) OR so.name = ANY($2::text[]) OR s.speaker = ANY($3::text[]))
        AND ($6::text IS NULL OR s.category = $6)
        AND e->>'rule' IS NOT NULL AND e->>'rule' NOT LIKE 'model:%'
      ORDER BY 1`,
    [
      [...query.camps],
      [...query.sources],
      [...query.actors],
      query.since,
      query.until,
      query.category ?? null,
    ],
  );
  return rows.map((row) => row.rule);
}
