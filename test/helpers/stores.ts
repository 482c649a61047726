// The stores every contract and integration test runs against: the embedded PGlite store
// always, and a real PostgreSQL server when DATABASE_URL is set (CI sets it). Each store is
// fresh: a new folder for PGlite, a new schema for PostgreSQL, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export interface StoreFactory {
  name: 'pglite' | 'postgres';
  open(): Promise<{ store: Store; dispose(): Promise<void>; options: { db?: string; databaseUrl?: string } }>;
}

let counter = 0;

export const STORE_FACTORIES: StoreFactory[] = [
  {
    name: 'pglite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'overture-test-'));
      const store = await openStore({ db: dir });
      return {
        store,
        options: { db: dir },
        async dispose() {
          await store.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  STORE_FACTORIES.push({
    name: 'postgres',
    async open() {
      const schema = `overture_test_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const databaseUrl = url.toString();
      const store = await openStore({ databaseUrl });
      return {
        store,
        options: { databaseUrl },
        async dispose() {
          await store.close().catch(() => {});
          const cleanup = new pg.Client({ connectionString: serverUrl });
          await cleanup.connect();
          await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await cleanup.end();
        },
      };
    },
  });
}
