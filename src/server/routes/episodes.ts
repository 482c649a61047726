import { Hono } from 'hono';
import { z } from 'zod';
import {
  type EpisodeRow,
  getStoredEpisode,
  listStoredEpisodes,
} from '../../store/queries/stored-episodes.js';
import type { ApiDeps } from '../api-deps.js';
import { ApiError } from '../api-errors.js';
import { daySchema, limitSchema, parseQuery, parseWith, signalSchema, textSchema } from '../api-schemas.js';
import { isoOrNull } from '../api-signal.js';

const listQuery = z.strictObject({
  group: textSchema(200).optional(),
  signal: signalSchema.optional(),
  since: daySchema.optional(),
  until: daySchema.optional(),
  limit: limitSchema(1000, 200),
});

const episodeIdSchema = z
  .string()
  .regex(/^[\w.:/-]{1,300}$/, { error: 'an episode id from GET /api/v1/episodes' });

/** The classification's reasons are sentences the analysis wrote; anything else is left out. */
function reasonsOf(detail: Record<string, unknown>): string[] {
  const reasons = detail.reasons;
  return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
}

function episodeSummary(row: EpisodeRow) {
  return {
    id: row.id,
    speakerGroup: row.speaker_group,
    signal: row.category,
    start: row.start_day,
    peak: row.peak_day,
    end: row.end_day,
    level: row.level,
    classification: row.classification,
    reasons: reasonsOf(row.detail),
    computedAt: isoOrNull(row.computed_at),
  };
}

export function episodesRoutes({ store }: ApiDeps): Hono {
  return new Hono()
    .get('/episodes', async (c) => {
      const query = parseQuery(listQuery, c.req.query());
      const rows = await listStoredEpisodes(store.db, {
        limit: query.limit,
        ...(query.group === undefined ? {} : { speakerGroup: query.group }),
        ...(query.signal === undefined ? {} : { category: query.signal }),
        ...(query.since === undefined ? {} : { since: query.since }),
        ...(query.until === undefined ? {} : { until: query.until }),
      });
      return c.json({ items: rows.map(episodeSummary) });
    })
    .get('/episodes/:id', async (c) => {
      const id = parseWith(episodeIdSchema, c.req.param('id'), 'episode id');
      const row = await getStoredEpisode(store.db, id);
      if (!row)
        throw new ApiError(
          'not-found',
          `no episode ${JSON.stringify(id)} (expected an id from GET /api/v1/episodes)`,
        );
      return c.json({ ...episodeSummary(row), detail: row.detail });
    });
}
