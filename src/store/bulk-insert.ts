// Inserts many rows of one table with one statement: COPY where the driver has it (the embedded
// store), else INSERT … SELECT FROM unnest of one array per column (the server, where that is
// one round trip and no per-row parsing in JavaScript). Plain inserts: the caller knows that
// nothing conflicts (rows of documents it has just checked, or just written, in the same
// transaction).
import { copyText } from './copy-text.js';
import type { Db } from './db.js';

export interface BulkColumn {
  /** The column's name in the table (a constant of the store, never input). */
  name: string;
  /** Its SQL type, for the unnest array cast: bigint, int, text, float8, jsonb, timestamptz… */
  type: string;
  /** One value per row, in row order. */
  values: readonly unknown[];
}

export async function bulkInsert(db: Db, table: string, columns: readonly BulkColumn[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  if (rows === 0) return;
  const names = columns.map((c) => c.name);
  if (db.copyFrom) {
    await db.copyFrom(
      table,
      names,
      copyText(
        columns.map((c) => c.values),
        rows,
      ),
    );
    return;
  }
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
    columns.map((c) => c.values),
  );
}
