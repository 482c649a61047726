import type { RoundsFile } from '../../core/analysis/negotiation-rounds.js';
import type { Db } from '../db.js';

/**
 * Replaces every stored round of the file's talks with the file's rounds, in one transaction:
 * re-importing the same file leaves the store as it was, and a round removed from the file goes.
 */
export function roundsSave(
  db: Db,
  file: RoundsFile,
  importedFrom: string,
): Promise<{ rounds: number; replaced: number }> {
  return db.transaction(async (tx) => {
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM negotiation_rounds WHERE talks = $1',
      [file.talks],
    );
    await tx.query('DELETE FROM negotiation_rounds WHERE talks = $1', [file.talks]);
    await tx.query(
      `INSERT INTO negotiation_talks (name, title, parties, citations, imported_from, imported_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, now())
       ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, parties = EXCLUDED.parties,
         citations = EXCLUDED.citations, imported_from = EXCLUDED.imported_from, imported_at = EXCLUDED.imported_at`,
      [file.talks, file.title, JSON.stringify(file.parties), JSON.stringify(file.citations), importedFrom],
    );
    if (file.rounds.length > 0) {
      const r = file.rounds;
      await tx.query(
        `INSERT INTO negotiation_rounds (id, talks, day, venue, status, parties, positions, by_party, note, sources)
         SELECT id, talks, day, venue, status, parties::jsonb, positions::jsonb, by_party, note, sources::jsonb
           FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[])
             AS t(id, talks, day, venue, status, parties, positions, by_party, note, sources)`,
        [
          r.map((x) => x.id),
          r.map((x) => x.talks),
          r.map((x) => x.date),
          r.map((x) => x.venue),
          r.map((x) => x.status),
          r.map((x) => JSON.stringify(x.parties)),
          r.map((x) => JSON.stringify(x.positions)),
          r.map((x) => x.by),
          r.map((x) => x.note),
          r.map((x) => JSON.stringify(x.sources)),
        ],
      );
    }
    return { rounds: file.rounds.length, replaced: count };
  });
}
