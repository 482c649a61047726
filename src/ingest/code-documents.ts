// Codes documents and stores their statements and signals, one transaction per batch, under the
// coder's version. Used by ingest (for what it just wrote) and by `overture code` (re-coding).
import type { CodingPool } from '../coder/coding-pool.js';
import type { CodingWrite, Store } from '../store/store.js';
import type { CodeDocuments, DocumentToCode } from './ingest.js';

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `markDocuments: false` when the documents were written already marked with the pool's version
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
    const writes: CodingWrite[] = documents.map((doc, i) => ({
      documentId: doc.id,
      defaultSpeaker: doc.defaultSpeaker,
      statements: coded[i] ?? [],
    }));
    await store.writeCoding(pool.version, writes, { markDocuments: options.markDocuments });
    const days = new Set<string>();
    for (const doc of documents) if (doc.publishedAt) days.add(utcDay(doc.publishedAt));
    return { days: [...days], coded: documents.length };
  };
}

/** Records the codebook version a run codes with, and keeps the actors table in step with it. */
export async function recordCoder(store: Store, pool: CodingPool, by: string): Promise<void> {
  await store.recordCodebookVersion(pool.version, { by, actors: pool.actors.length });
  await store.syncActors(pool.actors);
}
