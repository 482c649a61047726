// Codes documents and stores their statements and signals, one transaction per batch, under the
// coder's version. Used by ingest (for what it just wrote) and by `overture code` (re-coding).
import type { CodingPool } from '../coder/coding-pool.js';
import type { CodingWrite, Store } from '../store/store.js';
import type { CodeDocuments, DocumentToCode } from './ingest.js';

/** A day the roll-up tables can take as a date (not a year beyond 9999 or before 1). */
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Returns the days whose roll-ups the caller must refresh: those of the documents that were not
 * fresh. `markDocuments: false` when the documents were written already marked with the pool's version
 * (ingest); true when re-coding stored documents (`overture code`).
 */
export function codeDocumentsWith(
  store: Store,
  pool: CodingPool,
  options: { markDocuments: boolean },
): CodeDocuments {
  return async (documents: readonly DocumentToCode[]) => {
    const coded = await pool.code(
      documents.map((doc) => ({ text: doc.text, lang: doc.lang, defaultSpeaker: doc.defaultSpeaker })),
    );
    // A document this run inserted is fresh: its roll-ups are counted as its coding is written.
    // The others (updated, or re-coded) have their days recounted by the caller afterwards.
    const days = new Set<string>();
    const writes: CodingWrite[] = documents.map((doc, i) => {
      const day = doc.publishedAt ? utcDay(doc.publishedAt) : null;
      const fresh =
        doc.inserted === true && doc.sourceId !== undefined && (day === null || PLAIN_DAY.test(day));
      if (!fresh && day !== null) days.add(day);
      return {
        documentId: doc.id,
        defaultSpeaker: doc.defaultSpeaker,
        statements: coded[i] ?? [],
        ...(fresh ? { fresh: { sourceId: doc.sourceId!, day } } : {}),
      };
    });
    await store.writeCoding(pool.version, writes, { markDocuments: options.markDocuments });
    return { days: [...days], coded: documents.length };
  };
}

/** Records the codebook version a run codes with, and keeps the actors table in step with it. */
export async function recordCoder(store: Store, pool: CodingPool, by: string): Promise<void> {
  await store.recordCodebookVersion(pool.version, { by, actors: pool.actors.length });
  await store.syncActors(pool.actors);
}
