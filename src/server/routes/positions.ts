import { Hono } from 'hono';
import { z } from 'zod';
import { resolveSpeakerGroup } from '../../cli/analysis/resolve-speaker-group.js';
import { toPositionStatement } from '../../cli/analysis/to-statement-evidence.js';
import { buildPositionLedger } from '../../core/analysis/positions.js';
import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import { groupPositionSignals } from '../../store/queries/group-position-signals.js';
import type { ApiDeps } from '../api-deps.js';
import { daySchema, parseQuery, textSchema } from '../api-schemas.js';

const positionsQuery = z.strictObject({
  actor: textSchema(1000).optional(),
  group: textSchema(200).optional(),
  since: daySchema.optional(),
  until: daySchema.optional(),
});

/**
 * The position ledger (core/analysis/positions.ts), built exactly as `overture positions` builds
 * it: per actor and key, the stances stated in the window with their evidence, and what did not
 * change — restated, or held since before the window.
 */
export function positionsRoutes({ store, ruleRationale: rationales }: ApiDeps): Hono {
  return new Hono().get('/positions', async (c) => {
    const query = parseQuery(positionsQuery, c.req.query());
    let group: SpeakerGroup | null =
      query.group === undefined ? null : await resolveSpeakerGroup(store.db, query.group);
    const actors = (query.actor ?? '').split(',').filter((actor) => actor !== '');
    if (actors.length > 0) {
      group = {
        name: actors.join(','),
        camps: group?.camps ?? [],
        sources: group?.sources ?? [],
        actors: [...(group?.actors ?? []), ...actors],
      };
    }
    const rows = await groupPositionSignals(store.db, {
      group,
      ...(query.until ? { until: query.until } : {}),
    });
    const ledger = buildPositionLedger(rows.map(toPositionStatement), {
      ...(query.since ? { since: query.since } : {}),
      ...(query.until ? { until: query.until } : {}),
    });
    const ruleRationale = await rationales();
    // The statement's offset in its document, so that a client can place the spans (which are
    // document offsets) in the statement's text.
    const startOf = new Map(rows.map((row) => [`${row.document_id}:${row.statement_idx}`, row.start_offset]));
    return c.json({
      ...ledger,
      entries: ledger.entries.map((entry) => ({
        ...entry,
        timeline: entry.timeline.map((statement) => ({
          ...statement,
          evidence: {
            ...statement.evidence,
            start: startOf.get(`${statement.evidence.documentId}:${statement.evidence.statementIdx}`) ?? 0,
            spans: statement.evidence.spans.map((span) => ({ ...span, rationale: ruleRationale(span.rule) })),
          },
        })),
      })),
    });
  });
}
