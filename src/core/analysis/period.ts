// Calendar arithmetic on UTC days written 'YYYY-MM-DD'. Every analysis buckets on these strings
// so that a day never shifts with the machine's time zone.
import { invalidOption } from '../errors.js';

/** How rates are bucketed. Weeks are ISO weeks (Monday start); half-months are 1–15 and 16–end. */
export const PERIODS = ['day', 'week', 'half-month', 'month'] as const;
export type Period = (typeof PERIODS)[number];

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `day` is a real calendar day written YYYY-MM-DD. */
export function isDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === day;
}

/** Days since 1970-01-01 (UTC); the inverse of `fromDayNumber`. */
export function toDayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromDayNumber(toDayNumber(day) + days);
}

/** `b − a` in days. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The UTC day of an instant. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The first day of the period that holds `day` (the label the period is reported under). */
export function periodStart(day: string, period: Period): string {
  switch (period) {
    case 'day':
      return day;
    case 'week': {
      // 1970-01-01 was a Thursday: day number 0 is weekday 3 counting from Monday = 0.
      const n = toDayNumber(day);
      const weekday = (((n + 3) % 7) + 7) % 7;
      return fromDayNumber(n - weekday);
    }
    case 'half-month':
      return `${day.slice(0, 8)}${Number(day.slice(8, 10)) <= 15 ? '01' : '16'}`;
    case 'month':
      return `${day.slice(0, 8)}01`;
  }
}

/** The first day of the period after the one that starts on `start`. */
export function nextPeriodStart(start: string, period: Period): string {
  switch (period) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'half-month':
      return start.endsWith('-01') ? `${start.slice(0, 8)}16` : nextMonth(start);
    case 'month':
      return nextMonth(start);
  }
}

function nextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The last day of the period that starts on `start`. */
export function periodEnd(start: string, period: Period): string {
  return addDays(nextPeriodStart(start, period), -1);
}

/** Every period label from the one holding `from` to the one holding `to`, in order. */
export function enumeratePeriods(from: string, to: string, period: Period): string[] {
  const labels: string[] = [];
  const last = periodStart(to, period);
  for (let label = periodStart(from, period); label <= last; label = nextPeriodStart(label, period)) {
    labels.push(label);
  }
  return labels;
}

/** Parses a `--period` option. */
export function parsePeriod(value: string): Period {
  if ((PERIODS as readonly string[]).includes(value)) return value as Period;
  throw invalidOption('period', value, PERIODS.join(', '));
}

/** Parses a day option such as `--since`. */
export function parseDayOption(name: string, value: string): string {
  if (isDay(value)) return value;
  throw invalidOption(name, value, 'a UTC day written YYYY-MM-DD');
}
