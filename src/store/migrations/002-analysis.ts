// Migration 002: indexes for the rate analyses. A speaker group reads the daily roll-ups by
// source (a camp or a source) or by speaker (an actor); without these, every rate query scans
// the whole roll-up (≈ 230 ms at 10M statements on the embedded store; ≈ 55 ms with them, see
// bench/analysis-rates.bench.ts).
export const name = 'analysis';
export const sql = `
CREATE INDEX daily_statements_source ON daily_statements (source_id, day);
CREATE INDEX daily_statements_speaker ON daily_statements (speaker, day);
CREATE INDEX daily_signals_source ON daily_signals (source_id, category, day);
CREATE INDEX daily_signals_speaker ON daily_signals (speaker, category, day);
CREATE INDEX signals_position ON signals (position_key) WHERE category = 'position';
`;
