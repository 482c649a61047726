// GDELT events: keyed by (source, GLOBALEVENTID) through the same derived id as documents, so
// re-importing a file never duplicates.
import type { EventInput } from '../core/types.js';
import type { Db } from './db.js';
import { documentId } from './document-id.js';

export async function writeEvents(
  db: Db,
  batch: ReadonlyArray<EventInput & { sourceId: number }>,
): Promise<{ accepted: number; duplicates: number }> {
  if (batch.length === 0) return { accepted: 0, duplicates: 0 };
  const unique = new Map<number, EventInput & { sourceId: number }>();
  for (const event of batch) unique.set(documentId(event.sourceId, `event:${event.externalId}`), event);
  const events = [...unique.entries()];
  const column = <T>(pick: (e: EventInput & { sourceId: number }) => T) => events.map(([, e]) => pick(e));
  const rows = await db.transaction((tx) =>
    tx.query<{ id: number }>(
      `INSERT INTO events (id, source_id, external_id, day, added_at, cameo, root_code, quad_class, goldstein,
                           actor1_code, actor1_name, actor1_country, actor2_code, actor2_name, actor2_country,
                           num_mentions, avg_tone, source_url, category, meta)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::date[], $5::timestamptz[], $6::text[], $7::text[],
                            $8::int[], $9::float8[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                            $15::text[], $16::int[], $17::float8[], $18::text[], $19::text[], $20::jsonb[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        events.map(([id]) => id),
        column((e) => e.sourceId),
        column((e) => e.externalId),
        column((e) => e.day),
        column((e) => e.addedAt?.toISOString() ?? null),
        column((e) => e.cameo),
        column((e) => e.rootCode),
        column((e) => e.quadClass),
        column((e) => e.goldstein),
        column((e) => e.actor1?.code ?? null),
        column((e) => e.actor1?.name ?? null),
        column((e) => e.actor1?.country ?? null),
        column((e) => e.actor2?.code ?? null),
        column((e) => e.actor2?.name ?? null),
        column((e) => e.actor2?.country ?? null),
        column((e) => e.numMentions),
        column((e) => e.avgTone),
        column((e) => e.sourceUrl),
        column((e) => e.signal),
        column((e) => JSON.stringify(e.meta)),
      ],
    ),
  );
  return { accepted: rows.length, duplicates: batch.length - rows.length };
}
