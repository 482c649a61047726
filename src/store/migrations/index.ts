// Numbered migrations, applied in order, each in its own transaction, recorded in
// schema_migrations. Add a file NNN-name.ts and list it here.
import * as m001 from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: m001.name, sql: m001.sql }];
