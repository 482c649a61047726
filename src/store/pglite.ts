// The embedded store: PostgreSQL compiled to WebAssembly, in-process, data in a folder.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Row } from './db.js';
import { OID, parseDate, parseInt8, parseNumeric } from './type-parsers.js';

type Queryable = PGlite | Transaction;

function wrap(handle: Queryable, root: PGlite | null): Db {
  return {
    kind: 'pglite',
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await handle.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await handle.exec(sql);
    },
    async copyFrom(table: string, columns: readonly string[], text: string): Promise<void> {
      // PGlite's COPY reads the virtual file /dev/blob from the blob given with the query. The
      // table and column names are the store's own constants, never input.
      await handle.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      // PGlite has no nested transactions; inside one, run on the same handle.
      if (root === null) return fn(wrap(handle, null));
      return root.transaction((tx) => fn(wrap(tx, null)));
    },
    async close(): Promise<void> {
      if (root !== null) await root.close();
    },
  };
}

export async function openPglite(dir: string): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir, {
    parsers: { [OID.int8]: parseInt8, [OID.numeric]: parseNumeric, [OID.date]: parseDate },
  });
  return wrap(pg, pg);
}
