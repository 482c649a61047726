// Codes documents and stores their statements and signals, one transaction per batch, under the
// coder's version. Used by ingest (for what it just wrote) and by `overture code` (re-coding).
import type { Coder } from '../core/coding/coder.js';
import type { CodingWrite, Store } from '../store/store.js';
import type { CodeDocuments, DocumentToCode } from './ingest.js';

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function codeDocumentsWith(store: Store, coder: Coder): CodeDocuments {
  return async (documents: readonly DocumentToCode[]) => {
    const writes: CodingWrite[] = documents.map((doc) => ({
      documentId: doc.id,
      defaultSpeaker: doc.defaultSpeaker,
      statements: coder.code({ text: doc.text, lang: doc.lang, defaultSpeaker: doc.defaultSpeaker }),
    }));
    await store.writeCoding(coder.version, writes);
    const days = new Set<string>();
    for (const doc of documents) if (doc.publishedAt) days.add(utcDay(doc.publishedAt));
    return { days: [...days], coded: documents.length };
  };
}
