// Chooses the store: PostgreSQL when a connection string is given (DATABASE_URL), otherwise the
// embedded PGlite store in a folder (default ./overture-data). Migrates before returning.
import { resolve } from 'node:path';
import { OvertureError } from '../core/errors.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { createSqlStore } from './sql-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB_DIR = 'overture-data';

export interface OpenStoreOptions {
  /** The embedded store's folder. */
  db?: string;
  /** A PostgreSQL connection string; wins over `db` when both are given. */
  databaseUrl?: string;
}

/** Hides the password of a connection string for messages and `stats`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable connection string)';
  }
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let db: Db;
  let location: string;
  if (options.databaseUrl) {
    location = redactUrl(options.databaseUrl);
    try {
      // Each driver is loaded only when it is used (commands that never open a store start faster).
      const { openPostgres } = await import('./postgres.js');
      db = await openPostgres(options.databaseUrl);
    } catch (cause) {
      throw new OvertureError('store-failed', `cannot connect to ${location}: ${(cause as Error).message}`, {
        cause,
      });
    }
  } else {
    location = resolve(options.db ?? DEFAULT_DB_DIR);
    try {
      const { openPglite } = await import('./pglite.js');
      db = await openPglite(location);
    } catch (cause) {
      throw new OvertureError(
        'store-failed',
        `cannot open the embedded store in ${location}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
  }
  try {
    await migrate(db);
  } catch (cause) {
    await db.close();
    throw new OvertureError(
      'store-failed',
      `cannot migrate the store at ${location}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return createSqlStore(db, location);
}
