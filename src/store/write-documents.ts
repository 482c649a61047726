// Writes one batch of prepared documents in one transaction. Decides, for each, whether it is
// new, an updated version of a stored item (same source and key, new content), an exact
// duplicate (same source and content), or a near duplicate of an earlier document in any
// source (same fingerprint, or the same content from another source), which is stored and
// flagged: a copy in another camp is evidence of amplification, not noise.
import { type BulkColumn, bulkInsert } from './bulk-insert.js';
import type { Db } from './db.js';
import { documentId } from './document-id.js';
import type { DocumentWriteResult, PreparedDocument } from './store.js';

type Existing = {
  id: number;
  source_id: number;
  dedup_key: string;
  content_hash: string;
  fingerprint: string;
  published_at?: Date | null;
};

/** A document to write; `original` is the row a re-salted copy stands for (an id collision). */
type Row = { doc: PreparedDocument; key: string; id: number; nearOf: number | null; original?: Row };

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
    // What the batch may be a copy of (same content or fingerprint), and the stored rows its ids
    // already name (an update, or a rare id collision). Each look-up probes an index once per
    // key, whatever the size of the table. Written as `col = ANY(array) OR …`, the planner of
    // the embedded store (which is never analysed: PGlite runs no autovacuum) chose a full scan
    // per batch, and an ingest grew quadratic; a plain join on the fingerprint chose a hash
    // join over the whole table, hence the LATERAL … OFFSET 0, which keeps one probe per key.
    // Same content implies the same fingerprint (a hash of the text), so the fingerprint
    // look-up also finds the batch's copies in other sources; the (source, content hash) one
    // finds its copies in the same source.
    const keys = batch.map(dedupKey);
    const candidateIds = batch.map((d, i) => documentId(d.sourceId, keys[i]!));
    const columns = 'd.id, d.source_id, d.dedup_key, d.content_hash, d.fingerprint, d.published_at';
    const found = await tx.query<Existing>(
      `SELECT d.* FROM unnest($1::text[]) AS k(fingerprint),
         LATERAL (SELECT ${columns} FROM documents d WHERE d.fingerprint = k.fingerprint OFFSET 0) AS d
       UNION ALL
       SELECT ${columns} FROM unnest($2::bigint[]) AS k(id) JOIN documents d ON d.id = k.id
       UNION ALL
       SELECT ${columns} FROM unnest($3::int[], $4::text[]) AS k(source_id, content_hash)
         JOIN documents d ON d.source_id = k.source_id AND d.content_hash = k.content_hash`,
      [
        [...new Set(batch.map((d) => d.fingerprint))],
        [...new Set(candidateIds)],
        batch.map((d) => d.sourceId),
        batch.map((d) => d.contentHash),
      ],
    );
    const storedIds = new Map(found.map((row) => [row.id, row]));
    const known = [...storedIds.values()].sort((a, b) => a.id - b.id);
    const byHash = new Map<string, Existing[]>();
    const byFingerprint = new Map<string, number>();
    const remember = (row: Existing) => {
      byHash.set(row.content_hash, [...(byHash.get(row.content_hash) ?? []), row]);
      if (!byFingerprint.has(row.fingerprint)) byFingerprint.set(row.fingerprint, row.id);
    };
    known.forEach(remember);

    const rows: Row[] = [];
    const rowOfKey = new Map<string, number>();
    for (const [i, doc] of batch.entries()) {
      const key = keys[i]!;
      const sameContent = byHash.get(doc.contentHash) ?? [];
      if (sameContent.some((row) => row.source_id === doc.sourceId)) {
        result.duplicates.push(doc.ref);
        continue;
      }
      const elsewhere = sameContent[0]?.id ?? byFingerprint.get(doc.fingerprint) ?? null;
      const id = candidateIds[i]!;
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
    // On the embedded store (one connection: nothing else writes between the look-up and the
    // COPY), rows whose id is not stored, and not taken twice in the batch, are plain inserts.
    // The others take the upsert, which tells updates, unchanged items and collisions apart.
    const fresh: Row[] = [];
    const upserts: Row[] = [];
    if (tx.copyFrom) {
      const idCount = new Map<number, number>();
      for (const r of rows) idCount.set(r.id, (idCount.get(r.id) ?? 0) + 1);
      for (const r of rows) (!storedIds.has(r.id) && idCount.get(r.id) === 1 ? fresh : upserts).push(r);
    } else upserts.push(...rows);
    await copyRows(tx, fresh);
    const written = new Map<Row, DocumentWriteResult['written'][number]>();
    for (const r of fresh) written.set(r, { ref: r.doc.ref, id: r.id, status: 'inserted' });
    await insertRows(tx, upserts, result, written);
    for (const r of rows) {
      const entry = written.get(r);
      if (!entry) continue;
      // An update says when the item was dated before, so that the caller can recount that day.
      const before = entry.status === 'updated' ? storedIds.get(entry.id) : undefined;
      result.written.push(before ? { ...entry, previousPublishedAt: before.published_at ?? null } : entry);
    }
    return result;
  });
}

function documentColumns(rows: readonly Row[]): BulkColumn[] {
  return [
    { name: 'id', type: 'bigint', values: rows.map((r) => r.id) },
    { name: 'source_id', type: 'int', values: rows.map((r) => r.doc.sourceId) },
    { name: 'dedup_key', type: 'text', values: rows.map((r) => r.key) },
    { name: 'external_id', type: 'text', values: rows.map((r) => r.doc.externalId ?? null) },
    { name: 'url', type: 'text', values: rows.map((r) => r.doc.url ?? null) },
    { name: 'title', type: 'text', values: rows.map((r) => r.doc.title ?? null) },
    { name: 'text', type: 'text', values: rows.map((r) => r.doc.text) },
    { name: 'lang', type: 'text', values: rows.map((r) => r.doc.lang) },
    {
      name: 'published_at',
      type: 'timestamptz',
      values: rows.map((r) => r.doc.publishedAt?.toISOString() ?? null),
    },
    { name: 'content_hash', type: 'text', values: rows.map((r) => r.doc.contentHash) },
    { name: 'fingerprint', type: 'text', values: rows.map((r) => r.doc.fingerprint) },
    { name: 'near_duplicate_of', type: 'bigint', values: rows.map((r) => r.nearOf) },
    { name: 'meta', type: 'jsonb', values: rows.map((r) => JSON.stringify(r.doc.meta ?? {})) },
    { name: 'coded_version', type: 'text', values: rows.map((r) => r.doc.codedVersion ?? null) },
  ];
}

async function copyRows(tx: Db, rows: readonly Row[]): Promise<void> {
  await bulkInsert(tx, 'documents', documentColumns(rows));
}

async function insertRows(
  tx: Db,
  rows: Row[],
  result: DocumentWriteResult,
  written: Map<Row, DocumentWriteResult['written'][number]>,
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
      const outcome = status.get(r.id);
      if (outcome) {
        written.set(r.original ?? r, { ref: r.doc.ref, id: r.id, status: outcome });
        continue;
      }
      const row = stored.get(r.id);
      if (row && row.source_id === r.doc.sourceId && row.dedup_key === r.key)
        result.duplicates.push(r.doc.ref);
      else collided.push({ ...r, id: documentId(r.doc.sourceId, r.key, salt), original: r.original ?? r });
    }
    pending = collided;
  }
}
