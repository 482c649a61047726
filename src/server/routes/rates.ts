import { Hono } from 'hono';
import { z } from 'zod';
import { loadGroupSeries } from '../../cli/analysis/load-group-series.js';
import { resolveSpeakerGroup } from '../../cli/analysis/resolve-speaker-group.js';
import { dailyCounts } from '../../core/analysis/group-series.js';
import { daysBetween } from '../../core/analysis/period.js';
import { computeRates } from '../../core/analysis/rates.js';
import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import { apiDayRange } from '../../store/queries/api-day-range.js';
import { sourceCamps } from '../../store/queries/source-camps.js';
import type { ApiDeps } from '../api-deps.js';
import { ApiError } from '../api-errors.js';
import { daySchema, parseQuery, periodSchema, signalSchema } from '../api-schemas.js';

const ratesQuery = z.strictObject({
  signal: signalSchema.default('overture'),
  group: z.string().max(4000).optional(),
  period: periodSchema.default('day'),
  since: daySchema.optional(),
  until: daySchema.optional(),
});

/** More than this many days in one request is a mistake (or an attempt to make the server work). */
const MAX_RANGE_DAYS = 40 * 366;
const MAX_GROUPS = 20;

/**
 * Groups named as `group=a&group=b` or `group=a,b`, in the syntax of `overture episodes --group`
 * (a bare name, or camp:/actor:/source:/group: NAME); default every camp with sources — so that
 * the series are the ones the episodes were found in, under the same names.
 */
async function resolveGroups(deps: ApiDeps, values: readonly string[]): Promise<SpeakerGroup[]> {
  const names = values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length > MAX_GROUPS) {
    throw new ApiError(
      'invalid-option',
      `invalid group: got ${names.length} groups (expected at most ${MAX_GROUPS})`,
    );
  }
  if (names.length === 0) {
    return (await sourceCamps(deps.store.db)).map(({ camp }) => ({
      name: camp,
      camps: [camp],
      actors: [],
      sources: [],
    }));
  }
  const groups: SpeakerGroup[] = [];
  for (const name of names) groups.push(await resolveSpeakerGroup(deps.store.db, name));
  return groups;
}

/**
 * Counts, totals and shares of a signal per period for speaker groups, from the daily roll-ups.
 * Every series covers the same periods (gap-free, zeros where a group said nothing), so they can
 * be drawn on one axis and compared.
 */
export function ratesRoutes(deps: ApiDeps): Hono {
  const { store } = deps;
  return new Hono().get('/rates', async (c) => {
    const query = parseQuery(ratesQuery, c.req.query());
    const groups = await resolveGroups(deps, c.req.queries('group') ?? []);
    const range = await apiDayRange(store.db);
    const since = query.since ?? range.first;
    const until = query.until ?? range.last;
    if (since !== null && until !== null && since > until) {
      throw new ApiError(
        'invalid-option',
        `invalid since: got "${since}" (expected a day not after until, ${until})`,
      );
    }
    if (since !== null && until !== null && daysBetween(since, until) > MAX_RANGE_DAYS) {
      throw new ApiError(
        'invalid-option',
        `invalid until: got "${until}" with since "${since}" (expected a range of at most ${MAX_RANGE_DAYS} days)`,
      );
    }
    const series = [];
    for (const group of groups) {
      let points: ReturnType<typeof computeRates> = [];
      if (since !== null && until !== null) {
        // The series the analyses read (cli/analysis/load-group-series.ts), so that the numbers
        // drawn are the ones the episodes were found in.
        const daily = await loadGroupSeries(store.db, group, [query.signal], { since, until });
        points = computeRates(dailyCounts(daily, query.signal), {
          period: query.period,
          from: since,
          to: until,
        });
      }
      series.push({
        group: group.name,
        members: { camps: group.camps, actors: group.actors, sources: group.sources },
        points,
      });
    }
    return c.json({ signal: query.signal, period: query.period, since, until, series });
  });
}
