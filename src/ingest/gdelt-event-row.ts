// One row of a GDELT 2.0 event export → an EventInput. Column positions follow the GDELT 2.0
// Event Database Data Format Codebook (V2.0, 2015): 61 tab-separated columns, no header. GDELT
// 1.0 rows have 57 columns (back files, no SOURCEURL) or 58 (daily files from April 2013): 1.0
// has no ADM2 geography columns, so its columns after the actors do not line up with 2.0.
import { cameoSignal } from '../core/gdelt/cameo-signals.js';
import type { EventInput } from '../core/types.js';

export const GDELT2_COLUMNS = 61;

/** 0-based column positions in a GDELT 2.0 event row. */
const COL = {
  id: 0,
  sqlDate: 1,
  actor1: 5, // Actor1Code, Actor1Name, Actor1CountryCode follow in that order
  actor2: 15,
  isRootEvent: 25,
  eventCode: 26,
  eventBaseCode: 27,
  eventRootCode: 28,
  quadClass: 29,
  goldstein: 30,
  numMentions: 31,
  numSources: 32,
  numArticles: 33,
  avgTone: 34,
  actionGeoFullName: 52,
  actionGeoCountryCode: 53,
  actionGeoLat: 56,
  actionGeoLong: 57,
  dateAdded: 59,
  sourceUrl: 60,
} as const;

export type GdeltRowResult = { ok: true; event: EventInput } | { ok: false; reason: string };

export function parseGdeltEventRow(fields: readonly string[], ref: string): GdeltRowResult {
  if (fields.length !== GDELT2_COLUMNS) {
    const looksV1 = fields.length === 57 || fields.length === 58;
    const what = looksV1
      ? 'this looks like a GDELT 1.0 event row (57 or 58 columns)'
      : 'this is not a GDELT 2.0 event row (mentions files have 16 columns, GKG files 27)';
    return {
      ok: false,
      reason: `${fields.length} tab-separated columns: ${what} (expected the ${GDELT2_COLUMNS} columns of a GDELT 2.0 event export, *.export.CSV)`,
    };
  }
  const at = (i: number): string => (fields[i] ?? '').trim();
  const id = at(COL.id);
  if (!/^\d+$/.test(id)) return { ok: false, reason: `GLOBALEVENTID "${id}" (expected digits)` };
  const day = dayOf(at(COL.sqlDate));
  if (!day) return { ok: false, reason: `SQLDATE "${at(COL.sqlDate)}" (expected a real day as YYYYMMDD)` };
  const cameo = at(COL.eventCode);
  if (!/^\d{2,4}$/.test(cameo))
    return { ok: false, reason: `EventCode "${cameo}" (expected a CAMEO code of 2–4 digits)` };
  const addedText = at(COL.dateAdded);
  const addedAt = addedText === '' ? null : timestampOf(addedText);
  if (addedAt === undefined) {
    return { ok: false, reason: `DATEADDED "${addedText}" (expected YYYYMMDDHHMMSS in UTC)` };
  }
  const actor = (start: number): EventInput['actor1'] => {
    const [code, name, country] = [at(start), at(start + 1), at(start + 2)];
    return code || name || country ? { code, name, country } : null;
  };
  const event: EventInput = {
    ref,
    externalId: id,
    day,
    addedAt,
    cameo,
    rootCode: at(COL.eventRootCode) || cameo.slice(0, 2),
    quadClass: numberOrNull(at(COL.quadClass)),
    goldstein: numberOrNull(at(COL.goldstein)),
    actor1: actor(COL.actor1),
    actor2: actor(COL.actor2),
    numMentions: numberOrNull(at(COL.numMentions)),
    avgTone: numberOrNull(at(COL.avgTone)),
    sourceUrl: at(COL.sourceUrl) || null,
    signal: cameoSignal(cameo),
    meta: {
      isRootEvent: at(COL.isRootEvent) === '1',
      eventBaseCode: at(COL.eventBaseCode),
      numSources: numberOrNull(at(COL.numSources)),
      numArticles: numberOrNull(at(COL.numArticles)),
      actionGeo: {
        name: at(COL.actionGeoFullName),
        country: at(COL.actionGeoCountryCode),
        lat: numberOrNull(at(COL.actionGeoLat)),
        long: numberOrNull(at(COL.actionGeoLong)),
      },
    },
  };
  return { ok: true, event };
}

function numberOrNull(text: string): number | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** YYYYMMDD → YYYY-MM-DD when that day exists. */
function dayOf(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const isReal = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1;
  return isReal && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

/** YYYYMMDDHHMMSS (UTC) → Date; undefined when malformed or impossible. */
function timestampOf(text: string): Date | undefined {
  const match = /^(\d{8})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const day = dayOf(match[1] ?? '');
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (!day || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return new Date(`${day}T${match[2]}:${match[3]}:${match[4]}Z`);
}
