// A document's id is derived from what identifies it — its source and its key (the origin's id,
// else its URL, else its content hash) — rather than drawn from a sequence. Re-ingesting the
// same item therefore hits the primary key and never duplicates, on one node or on Citus, where
// a unique constraint must include the distribution column (docs/scaling.md). 53 bits keep the
// id exact in a JavaScript number; the rare collision between different keys is detected on
// insert and resolved by re-hashing with a salt (store/write-documents.ts).
import { createHash } from 'node:crypto';

export function documentId(sourceId: number, key: string, salt = 0): number {
  const digest = createHash('sha256').update(`${sourceId}\u0000${key}\u0000${salt}`).digest();
  // 53 bits: the high 21 bits of the first word and the 32 bits of the second.
  const high = digest.readUInt32BE(0) & 0x1fffff;
  const low = digest.readUInt32BE(4);
  const id = high * 2 ** 32 + low;
  return id === 0 ? 1 : id;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
