// The one Store implementation: the same SQL over either driver.
import type { Db } from './db.js';
import { getSource, listSources, upsertSource } from './sources.js';
import type { Store, StoreStats } from './store.js';
import { refreshRollups, writeCoding } from './write-coding.js';
import { writeDocuments } from './write-documents.js';
import { writeEvents } from './write-events.js';

export function createSqlStore(db: Db, location: string): Store {
  return {
    kind: db.kind,
    db,
    location,
    upsertSource: (input) => upsertSource(db, input),
    getSource: (name) => getSource(db, name),
    listSources: () => listSources(db),
    async recordFetch(sourceId, state) {
      await db.query(
        `UPDATE sources SET etag = $2, last_modified = $3, last_status = $4, last_fetched_at = $5,
                failures = CASE WHEN $6 THEN failures + 1 ELSE 0 END
          WHERE id = $1`,
        [sourceId, state.etag, state.lastModified, state.status, state.at.toISOString(), state.failed],
      );
    },
    writeDocuments: (batch) => writeDocuments(db, batch),
    writeEvents: (batch) => writeEvents(db, batch),
    writeCoding: (version, batch, options) => writeCoding(db, version, batch, options),
    async recordCodebookVersion(version, summary) {
      await db.query(
        `INSERT INTO codebook_versions (version, summary) VALUES ($1, $2::jsonb)
         ON CONFLICT (version) DO UPDATE SET summary = EXCLUDED.summary`,
        [version, JSON.stringify(summary)],
      );
    },
    async syncActors(actors) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO actors (id, name, camp, aliases)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, camp = EXCLUDED.camp, aliases = EXCLUDED.aliases`,
          [
            actors.map((a) => a.id),
            actors.map((a) => a.name),
            actors.map((a) => a.camp),
            actors.map((a) => JSON.stringify(a.aliases)),
          ],
        );
        await tx.query('DELETE FROM actors WHERE NOT (id = ANY($1::text[]))', [actors.map((a) => a.id)]);
      });
    },
    refreshRollups: (days) => refreshRollups(db, days),
    async stats(): Promise<StoreStats> {
      const [row] = await db.query<Omit<StoreStats, 'codebookVersions'>>(
        `SELECT (SELECT count(*) FROM sources) AS sources,
                (SELECT count(*) FROM documents) AS documents,
                (SELECT count(*) FROM statements) AS statements,
                (SELECT count(*) FROM signals) AS signals,
                (SELECT count(*) FROM events) AS events,
                (SELECT count(*) FROM documents WHERE coded_version IS NOT NULL) AS "codedDocuments"`,
      );
      const versions = await db.query<{ version: string }>(
        'SELECT version FROM codebook_versions ORDER BY created_at',
      );
      return { ...row!, codebookVersions: versions.map((v) => v.version) };
    },
    close: () => db.close(),
  };
}
