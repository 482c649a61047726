// Dates as feeds really write them. RFC 822 (§5, as amended by RFC 1123 and RFC 2822 §3.3) and
// ISO 8601 / RFC 3339 are the standards; around them: zone abbreviations (`EST`), `GMT+9`, a
// missing space after the day name and unpadded fields (`Thu,28 Jul 2022 4:35:5 GMT+9`, Korea
// Times), Portuguese, Russian and Ukrainian day and month names, and `31.01.2024 10:00`. A date
// that names an impossible day (31 February) is not rolled over as JavaScript's Date would do:
// it is refused, and the reader rejects the item.

/** Month number by the first three letters of its name, in English, Portuguese, German, ru, uk. */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  fev: 2,
  abr: 4,
  mai: 5,
  ago: 8,
  set: 9,
  out: 10,
  dez: 12,
  mär: 3,
  mrz: 3,
  okt: 10,
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  мая: 5,
  май: 5,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
  січ: 1,
  лют: 2,
  бер: 3,
  кві: 4,
  тра: 5,
  чер: 6,
  лип: 7,
  сер: 8,
  вер: 9,
  жов: 10,
  лис: 11,
  гру: 12,
};

/** Offsets in minutes of the zone abbreviations RFC 822 names, plus common European/Asian ones. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  msd: 240,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  kst: 540,
  jst: 540,
};

const ZONE = String.raw`(?:(?:gmt|utc|ut)?\s*[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5})`;
const TIME = String.raw`(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?`;
const ISO = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]+${TIME})?\s*(z|[+-]\d{2}(?::?\d{2})?)?$`,
  'i',
);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[\s,t]+${TIME})?\s*(${ZONE})?$`, 'i');
const DAY_FIRST = new RegExp(
  String.raw`^(?:[\p{L}.]+(?:,\s*|\s+))?(\d{1,2})\s+([\p{L}]+)\.?,?\s+(\d{2,4})(?:[\s,]+${TIME})?\s*(${ZONE})?$`,
  'iu',
);
const MONTH_FIRST = new RegExp(
  String.raw`^(?:[\p{L}.]+(?:,\s*|\s+))?([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[\s,]+${TIME})?\s*(${ZONE})?$`,
  'iu',
);

/** The instant a feed's date string names, or null when it names none (or an impossible one). */
export function parseFeedDate(raw: string): Date | null {
  const value = raw.replace(/\s+/g, ' ').trim();
  let match = ISO.exec(value);
  if (match) return build(match[1], match[2], match[3], match.slice(4, 7), match[7]);
  match = DOTTED.exec(value);
  if (match) return build(match[3], match[2], match[1], match.slice(4, 7), match[7]);
  match = DAY_FIRST.exec(value);
  if (match) return build(match[3], monthNumber(match[2]), match[1], match.slice(4, 7), match[7]);
  match = MONTH_FIRST.exec(value);
  if (match) return build(match[3], monthNumber(match[1]), match[2], match.slice(4, 7), match[7]);
  return null;
}

function monthNumber(name: string | undefined): string | undefined {
  const month = name ? MONTHS[name.toLowerCase().slice(0, 3)] : undefined;
  return month === undefined ? undefined : String(month);
}

function build(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  [hourText, minuteText, secondText]: Array<string | undefined>,
  zoneText: string | undefined,
): Date | null {
  if (yearText === undefined || monthText === undefined || dayText === undefined) return null;
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900; // RFC 2822 §4.3
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Math.min(Number(secondText ?? 0), 59); // a leap second lands on :59
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const offset = zoneOffsetMinutes(zoneText);
  if (offset === null) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `+0300`, `-05:00`, `+3`, `GMT+9`, `EST` → minutes east of UTC; no zone is UTC. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return 0;
  const text = zone.toLowerCase().replace(/\s+/g, '');
  const numeric = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const named = ZONES[text];
  if (named !== undefined) return named;
  // RFC 822 military zones are ambiguous in practice (RFC 1123 §5.2.14): read them as UTC.
  return /^[a-ik-z]$/.test(text) ? 0 : null;
}
