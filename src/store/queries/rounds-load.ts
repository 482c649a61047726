import type { NegotiationRound, PartyPosition, RoundStatus } from '../../core/analysis/negotiation-rounds.js';
import type { Db } from '../db.js';

interface RoundRow {
  id: string;
  talks: string;
  day: string;
  venue: string | null;
  status: RoundStatus;
  parties: string[];
  positions: Record<string, PartyPosition>;
  by_party: string | null;
  note: string | null;
  sources: string[];
  [column: string]: unknown;
}

/** The stored rounds of one set of talks, in date order (import order within a day). */
export async function roundsLoad(db: Db, talks: string): Promise<NegotiationRound[]> {
  const rows = await db.query<RoundRow>(
    `SELECT id, talks, day, venue, status, parties, positions, by_party, note, sources
       FROM negotiation_rounds WHERE talks = $1
      ORDER BY day, split_part(id, '/', 3)::int`,
    [talks],
  );
  return rows.map((row) => ({
    id: row.id,
    talks: row.talks,
    date: row.day,
    venue: row.venue,
    status: row.status,
    parties: row.parties,
    by: row.by_party,
    note: row.note,
    sources: row.sources,
    positions: row.positions,
  }));
}
