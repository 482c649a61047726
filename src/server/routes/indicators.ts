import { Hono } from 'hono';
import { z } from 'zod';
import { periodStart } from '../../core/analysis/period.js';
import { pressureIndex } from '../../core/analysis/pressure.js';
import { indicatorPoints } from '../../store/queries/indicator-points.js';
import { type IndicatorRow, listIndicators } from '../../store/queries/list-indicators.js';
import type { ApiDeps } from '../api-deps.js';
import { ApiError } from '../api-errors.js';
import { daySchema, parseQuery, parseWith, periodSchema, textSchema } from '../api-schemas.js';

const pointsQuery = z.strictObject({ since: daySchema.optional(), until: daySchema.optional() });

const pressureQuery = z.strictObject({
  actor: textSchema(200).optional(),
  period: periodSchema.default('day'),
  since: daySchema.optional(),
  until: daySchema.optional(),
  standardise: z.enum(['full', 'expanding'], { error: 'full or expanding' }).default('full'),
});

function indicatorSummary(row: IndicatorRow) {
  return {
    name: row.name,
    actor: row.actor,
    direction: row.direction,
    cumulative: row.cumulative,
    description: row.description,
    importedFrom: row.imported_from,
    points: row.points,
    firstDay: row.first_day,
    lastDay: row.last_day,
  };
}

const range = (q: { since?: string | undefined; until?: string | undefined }) => ({
  ...(q.since === undefined ? {} : { since: q.since }),
  ...(q.until === undefined ? {} : { until: q.until }),
});

export function indicatorsRoutes({ store }: ApiDeps): Hono {
  return new Hono()
    .get('/indicators', async (c) => {
      return c.json({ items: (await listIndicators(store.db)).map(indicatorSummary) });
    })
    .get('/indicators/:name', async (c) => {
      const name = parseWith(textSchema(200), c.req.param('name'), 'indicator name');
      const query = parseQuery(pointsQuery, c.req.query());
      const [row] = await listIndicators(store.db, { name });
      if (!row)
        throw new ApiError(
          'not-found',
          `no indicator ${JSON.stringify(name)} (expected a name from GET /api/v1/indicators)`,
        );
      const points = await indicatorPoints(store.db, { names: [name], ...range(query) });
      return c.json({
        ...indicatorSummary(row),
        series: points.map((p) => ({ date: p.day, value: p.value })),
      });
    })
    .get('/pressure', async (c) => {
      // The composite pressure index of core/analysis/pressure.ts: the mean of the indicators'
      // signed standard scores, over the indicators of `actor` (all of them without one).
      const query = parseQuery(pressureQuery, c.req.query());
      const indicators = (await listIndicators(store.db)).filter(
        (row) => query.actor === undefined || row.actor === query.actor,
      );
      const points = await indicatorPoints(store.db, { names: indicators.map((i) => i.name) });
      const index = pressureIndex(
        indicators.map((indicator) => ({
          name: indicator.name,
          direction: indicator.direction,
          cumulative: indicator.cumulative,
          points: points
            .filter((p) => p.indicator === indicator.name)
            .map((p) => ({ date: p.day, value: p.value })),
        })),
        { period: query.period, standardise: query.standardise },
      );
      // Standardised over the whole history, then cut to the window (a window alone would
      // re-centre the scores on itself).
      const first = query.since === undefined ? undefined : periodStart(query.since, query.period);
      const inRange = index.filter(
        (p) =>
          (first === undefined || p.period >= first) &&
          (query.until === undefined || p.period <= query.until),
      );
      return c.json({
        actor: query.actor ?? null,
        period: query.period,
        standardise: query.standardise,
        indicators: indicators.map((i) => ({ name: i.name, direction: i.direction, actor: i.actor })),
        points: inRange,
      });
    });
}
