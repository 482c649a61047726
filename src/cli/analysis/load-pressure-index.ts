// Reads an actor's indicators and builds its composite pressure index (core/analysis/pressure.ts).
import type { Period } from '../../core/analysis/period.js';
import { type IndicatorSeries, type PressurePoint, pressureIndex } from '../../core/analysis/pressure.js';
import type { Db } from '../../store/db.js';
import { indicatorPoints } from '../../store/queries/indicator-points.js';
import { listIndicators } from '../../store/queries/list-indicators.js';

export interface LoadedPressure {
  actor: string;
  indicators: string[];
  index: PressurePoint[];
}

/** The first of `actors` that has indicators, with its index; null when none has any. */
export async function loadPressureIndex(
  db: Db,
  actors: readonly string[],
  options: { period: Period; from?: string; to?: string; standardise?: 'full' | 'expanding' },
): Promise<LoadedPressure | null> {
  for (const actor of actors) {
    const rows = await listIndicators(db, { actor });
    if (rows.length === 0) continue;
    const points = await indicatorPoints(db, { names: rows.map((row) => row.name) });
    const series: IndicatorSeries[] = rows.map((row) => ({
      name: row.name,
      direction: row.direction,
      cumulative: row.cumulative,
      points: points.filter((p) => p.indicator === row.name).map((p) => ({ date: p.day, value: p.value })),
    }));
    return {
      actor,
      indicators: rows.map((row) => row.name),
      index: pressureIndex(series, {
        period: options.period,
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        standardise: options.standardise ?? 'full',
      }),
    };
  }
  return null;
}

/** Who a group's pressure indicators are filed under, most specific first. */
export function pressureActorsOf(
  group: { name: string; actors: readonly string[] },
  camps: readonly string[],
): string[] {
  const sides = camps.map((camp) => camp.split('-')[0] ?? camp);
  return [...new Set([group.name, ...group.actors, ...camps, ...sides])];
}
