// The unit the echo analyses work on: one item (a codebook formula, a signal category, or a
// cluster of near-duplicate statements) as seen from one source — when it first appeared there
// and how often. The store aggregates statements into sightings in SQL (a GROUP BY), so a chain
// is built from a few rows per source whatever the size of the corpus.

export interface Sighting {
  /** What travelled: `formula:…`, `signal:…` or `dup:…`. */
  item: string;
  source: string;
  camp: string;
  /** Epoch milliseconds (UTC) of the source's first statement carrying the item. */
  firstTime: number;
  /** Statements of the source carrying the item. */
  count: number;
  /** Languages the item was seen in at this source. */
  langs?: string[];
}
