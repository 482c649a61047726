// Numbered migrations, applied in order, each in its own transaction, recorded in
// schema_migrations. Add a file NNN-name.ts and list it here.
import * as m001 from './001-initial.js';
import * as m002 from './002-analysis.js';
import * as m003 from './003-history.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: m001.name, sql: m001.sql },
  { version: 2, name: m002.name, sql: m002.sql },
  { version: 3, name: m003.name, sql: m003.sql },
];
