// The driver seam (kysely's Driver): the only thing that differs between PGlite and PostgreSQL.
// Everything above it — migrations, writes, the query files in queries/ — is one SQL dialect
// with positional parameters ($1, $2…), never string interpolation of values.

export type Row = Record<string, unknown>;

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Runs one parameterised statement and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons, without parameters (migrations only). */
  exec(sql: string): Promise<void>;
  /**
   * Loads rows with `COPY table (columns) FROM` in PostgreSQL's text format (store/copy-text.ts),
   * where the driver can feed COPY (PGlite reads it from a blob). Absent on the server driver:
   * node-postgres needs a COPY stream package, and INSERT … unnest is already fast there.
   */
  copyFrom?(table: string, columns: readonly string[], text: string): Promise<void>;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
