// @ts-check
// Numbers and dates as the dashboard writes them. Dates are UTC days throughout, as everywhere in
// Overture, so that what a reader sees matches the CLI and the API whatever their time zone.

/**
 * @param {number | null | undefined} share
 * @param {number} [digits]
 */
export function percent(share, digits = 1) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)}%`;
}

/** @param {number} n */
export function count(n) {
  return n.toLocaleString('en-GB');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * '2024-03-04' → '4 Mar 2024'.
 * @param {string} day
 */
export function dayLabel(day) {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * '2024-03-04' → '4 Mar' (axis ticks), with the year at January or when asked.
 * @param {string} day
 * @param {boolean} withYear
 */
export function tickLabel(day, withYear) {
  const [year, month, date] = day.split('-');
  const label = `${Number(date)} ${MONTHS[Number(month) - 1] ?? month}`;
  return withYear ? `${label} ${year}` : label;
}

/**
 * An ISO instant as 'YYYY-MM-DD HH:MM UTC'.
 * @param {string | null} iso
 */
export function instant(iso) {
  if (!iso) return 'undated';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * @param {string} day
 * @param {number} n
 */
export function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A period's range in words.
 * @param {string} start
 * @param {string} end
 */
export function rangeLabel(start, end) {
  return start === end ? dayLabel(start) : `${dayLabel(start)} – ${dayLabel(end)}`;
}
