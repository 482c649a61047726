// Migration 003: what the negotiation-rounds import keeps beyond 001's columns — who postponed,
// cancelled or walked out of a round, a note and the citations — and one row per set of talks
// with its title, citations and where it was imported from.
export const name = 'history';
export const sql = `
ALTER TABLE negotiation_rounds ADD COLUMN by_party text;
ALTER TABLE negotiation_rounds ADD COLUMN note text;
ALTER TABLE negotiation_rounds ADD COLUMN sources jsonb NOT NULL DEFAULT '[]';
CREATE INDEX negotiation_rounds_talks ON negotiation_rounds (talks, day);

CREATE TABLE negotiation_talks (
  name text PRIMARY KEY,
  title text,
  parties jsonb NOT NULL DEFAULT '[]',
  citations jsonb NOT NULL DEFAULT '[]',
  imported_from text,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`;
