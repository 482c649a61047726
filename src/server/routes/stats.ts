import { Hono } from 'hono';
import { apiDayRange } from '../../store/queries/api-day-range.js';
import type { ApiDeps } from '../api-deps.js';

export function statsRoutes({ store, now }: ApiDeps): Hono {
  return new Hono().get('/stats', async (c) => {
    const [stats, range, [counts]] = await Promise.all([
      store.stats(),
      apiDayRange(store.db),
      store.db.query<{ episodes: number; indicators: number }>(
        'SELECT (SELECT count(*) FROM episodes)::int AS episodes, (SELECT count(*) FROM indicators)::int AS indicators',
      ),
    ]);
    return c.json({
      ...stats,
      episodes: counts?.episodes ?? 0,
      indicators: counts?.indicators ?? 0,
      firstDay: range.first,
      lastDay: range.last,
      store: store.kind,
      generatedAt: now().toISOString(),
    });
  });
}
