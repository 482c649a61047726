import { Hono } from 'hono';
import { apiSourceList } from '../../store/queries/api-source-list.js';
import type { ApiDeps } from '../api-deps.js';
import { isoOrNull } from '../api-signal.js';

export function sourcesRoutes({ store }: ApiDeps): Hono {
  return new Hono().get('/sources', async (c) => {
    const rows = await apiSourceList(store.db);
    return c.json({
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        camp: row.camp,
        lang: row.lang,
        kind: row.kind,
        url: row.url,
        defaultSpeaker: row.default_speaker,
        documents: row.documents,
        statements: row.statements,
        firstDay: row.first_day,
        lastDay: row.last_day,
        lastFetchedAt: isoOrNull(row.last_fetched_at),
        lastStatus: row.last_status,
        failures: row.failures,
      })),
    });
  });
}
