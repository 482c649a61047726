// Writes one batch of prepared documents in one transaction. Decides, for each, whether it is
// new, an updated version of a stored item (same source and key, new content), an exact
// duplicate (same source and content), or a near duplicate of an earlier document in any
// source (same fingerprint, or the same content from another source), which is stored and
// flagged: a copy in another camp is evidence of amplification, not noise.
import type { Db } from './db.js';
import { documentId } from './document-id.js';
import type { DocumentWriteResult, PreparedDocument } from './store.js';

type Existing = {
  id: number;
  source_id: number;
  dedup_key: string;
  content_hash: string;
  fingerprint: string;
};

export function dedupKey(doc: PreparedDocument): string {
  if (doc.externalId) return `id:${doc.externalId}`;
  if (doc.url) return `url:${doc.url}`;
  return `hash:${doc.contentHash}`;
}

export async function writeDocuments(
  db: Db,
  batch: readonly PreparedDocument[],
): Promise<DocumentWriteResult> {
  const result: DocumentWriteResult = { written: [], duplicates: [], nearDuplicates: [] };
  if (batch.length === 0) return result;
  return db.transaction(async (tx) => {
    const known = await tx.query<Existing>(
      `SELECT id, source_id, dedup_key, content_hash, fingerprint FROM documents
        WHERE content_hash = ANY($1::text[]) OR fingerprint = ANY($2::text[])
        ORDER BY id`,
      [batch.map((d) => d.contentHash), batch.map((d) => d.fingerprint)],
    );
    const byHash = new Map<string, Existing[]>();
    const byFingerprint = new Map<string, number>();
    const remember = (row: Existing) => {
      byHash.set(row.content_hash, [...(byHash.get(row.content_hash) ?? []), row]);
      if (!byFingerprint.has(row.fingerprint)) byFingerprint.set(row.fingerprint, row.id);
    };
    known.forEach(remember);

    const rows: Array<{ doc: PreparedDocument; key: string; id: number; nearOf: number | null }> = [];
    const rowOfKey = new Map<string, number>();
    for (const doc of batch) {
      const key = dedupKey(doc);
      const sameContent = byHash.get(doc.contentHash) ?? [];
      if (sameContent.some((row) => row.source_id === doc.sourceId)) {
        result.duplicates.push(doc.ref);
        continue;
      }
      const elsewhere = sameContent[0]?.id ?? byFingerprint.get(doc.fingerprint) ?? null;
      const id = documentId(doc.sourceId, key);
      if (elsewhere !== null) result.nearDuplicates.push({ ref: doc.ref, of: elsewhere });
      // The same item twice in one batch with new content: the later version supersedes.
      const earlier = rowOfKey.get(`${doc.sourceId}\u0000${key}`);
      if (earlier !== undefined) {
        const superseded = rows[earlier]!;
        result.duplicates.push(superseded.doc.ref);
        rows[earlier] = { doc, key, id, nearOf: elsewhere };
        continue;
      }
      rowOfKey.set(`${doc.sourceId}\u0000${key}`, rows.length);
      rows.push({ doc, key, id, nearOf: elsewhere });
      remember({
        id,
        source_id: doc.sourceId,
        dedup_key: key,
        content_hash: doc.contentHash,
        fingerprint: doc.fingerprint,
      });
    }
    await insertRows(tx, rows, result);
    return result;
  });
}

async function insertRows(
  tx: Db,
  rows: Array<{ doc: PreparedDocument; key: string; id: number; nearOf: number | null }>,
  result: DocumentWriteResult,
): Promise<void> {
  let pending = rows;
  for (let salt = 1; pending.length > 0; salt++) {
    const returned = await tx.query<{ id: number; inserted: boolean }>(
      `INSERT INTO documents (id, source_id, dedup_key, external_id, url, title, text, lang, published_at,
                              content_hash, fingerprint, near_duplicate_of, meta, coded_version)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::bigint[], $13::jsonb[],
                            $14::text[])
       ON CONFLICT (id) DO UPDATE SET
         url = EXCLUDED.url, title = EXCLUDED.title, text = EXCLUDED.text, lang = EXCLUDED.lang,
         published_at = EXCLUDED.published_at, content_hash = EXCLUDED.content_hash,
         fingerprint = EXCLUDED.fingerprint, meta = EXCLUDED.meta, coded_version = EXCLUDED.coded_version
       WHERE documents.source_id = EXCLUDED.source_id AND documents.dedup_key = EXCLUDED.dedup_key
         AND documents.content_hash <> EXCLUDED.content_hash
       RETURNING id, (xmax = 0) AS inserted`,
      [
        pending.map((r) => r.id),
        pending.map((r) => r.doc.sourceId),
        pending.map((r) => r.key),
        pending.map((r) => r.doc.externalId ?? null),
        pending.map((r) => r.doc.url ?? null),
        pending.map((r) => r.doc.title ?? null),
        pending.map((r) => r.doc.text),
        pending.map((r) => r.doc.lang),
        pending.map((r) => r.doc.publishedAt?.toISOString() ?? null),
        pending.map((r) => r.doc.contentHash),
        pending.map((r) => r.doc.fingerprint),
        pending.map((r) => r.nearOf),
        pending.map((r) => JSON.stringify(r.doc.meta ?? {})),
        pending.map((r) => r.doc.codedVersion ?? null),
      ],
    );
    const status = new Map(returned.map((row) => [row.id, row.inserted ? 'inserted' : 'updated'] as const));
    const missing = pending.filter((r) => !status.has(r.id));
    // A row that came back neither inserted nor updated is either the same item unchanged, or
    // a different item whose id collided: tell them apart by the stored key.
    const stored = new Map<number, { source_id: number; dedup_key: string }>();
    if (missing.length > 0) {
      const found = await tx.query<{ id: number; source_id: number; dedup_key: string }>(
        'SELECT id, source_id, dedup_key FROM documents WHERE id = ANY($1::bigint[])',
        [missing.map((r) => r.id)],
      );
      for (const row of found) stored.set(row.id, row);
    }
    const collided: typeof pending = [];
    for (const r of pending) {
      const written = status.get(r.id);
      if (written) {
        result.written.push({ ref: r.doc.ref, id: r.id, status: written });
        continue;
      }
      const row = stored.get(r.id);
      if (row && row.source_id === r.doc.sourceId && row.dedup_key === r.key)
        result.duplicates.push(r.doc.ref);
      else collided.push({ ...r, id: documentId(r.doc.sourceId, r.key, salt) });
    }
    pending = collided;
  }
}
