import type { IndicatorPoint } from '../../core/types.js';
import type { Db } from '../db.js';

export interface IndicatorInput {
  name: string;
  actor: string | null;
  direction: 'up' | 'down';
  cumulative: boolean;
  description: string | null;
  importedFrom: string;
  points: readonly IndicatorPoint[];
}

/** Creates or replaces an indicator and all its points, in one transaction. */
export async function saveIndicator(db: Db, params: IndicatorInput): Promise<Array<{ points: number }>> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO indicators (name, actor, direction, cumulative, description, imported_from, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (name) DO UPDATE SET actor = EXCLUDED.actor, direction = EXCLUDED.direction,
         cumulative = EXCLUDED.cumulative, description = EXCLUDED.description,
         imported_from = EXCLUDED.imported_from, imported_at = EXCLUDED.imported_at`,
      [
        params.name,
        params.actor,
        params.direction,
        params.cumulative,
        params.description,
        params.importedFrom,
      ],
    );
    await tx.query('DELETE FROM indicator_points WHERE indicator = $1', [params.name]);
    if (params.points.length > 0) {
      await tx.query(
        `INSERT INTO indicator_points (indicator, day, value)
         SELECT $1, d, v FROM unnest($2::date[], $3::float8[]) AS u(d, v)`,
        [params.name, params.points.map((p) => p.date), params.points.map((p) => p.value)],
      );
    }
    return [{ points: params.points.length }];
  });
}
