// The date of a JSONL or CSV record. Strings are read as feeds write them (parseFeedDate: ISO
// 8601 with or without a zone, RFC 822, DD.MM.YYYY; an impossible day such as 31 February is
// refused, not rolled over). A number, or a string of digits, is a unix time: seconds when it is
// below 10^11 (which as seconds is the year 5138), milliseconds above. A date or date-time
// without a zone is read as UTC, so a date-only value is UTC midnight of that day.
import { parseFeedDate } from './feed-date.js';

export const DATE_EXPECTED = 'ISO 8601, unix seconds or milliseconds, RFC 822, or DD.MM.YYYY';

const UNIX_MS_THRESHOLD = 1e11;

export type ParsedDate = { ok: true; date: Date } | { ok: false; reason: string };

export function parseCorpusDate(value: unknown, field: string): ParsedDate {
  const shown = JSON.stringify(value);
  const refuse = (): ParsedDate => ({
    ok: false,
    reason: `invalid ${field} ${shown} (expected ${DATE_EXPECTED})`,
  });
  if (typeof value === 'number') return fromUnix(value) ?? refuse();
  if (typeof value !== 'string') return refuse();
  const text = value.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(text) && !/^\d{4}$/.test(text) && !/^\d{8}$/.test(text)) {
    return fromUnix(Number(text)) ?? refuse();
  }
  // Compact ISO 8601 dates (20240301) are common in exports; 4 digits is a year.
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})$/.exec(text);
  const parsed = compact
    ? parseFeedDate(`${compact[1]}-${compact[2] ?? '01'}-${compact[3] ?? '01'}`)
    : parseFeedDate(text);
  return parsed ? { ok: true, date: parsed } : refuse();
}

function fromUnix(n: number): ParsedDate | null {
  if (!Number.isFinite(n)) return null;
  const ms = Math.abs(n) < UNIX_MS_THRESHOLD ? n * 1000 : n;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : { ok: true, date };
}
