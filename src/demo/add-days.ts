// Calendar arithmetic on UTC days, kept to ISO strings so that no local time zone ever enters.

/** `YYYY-MM-DD` + n days → `YYYY-MM-DD` (UTC). */
export function addDays(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2024-02-30). */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}
