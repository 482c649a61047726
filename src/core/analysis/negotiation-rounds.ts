// A file of negotiation rounds (JSON, or CSV rows the edge has parsed) read into checked rounds.
// A round is one dated session of one set of talks: where, who, whether it was held, postponed,
// cancelled or walked out of (and by whom), and — when known — each party's stated position as
// text and/or as position keys with stances. Parse, don't validate: every record goes through
// the schema, and an error names the file, the record and what was expected.
import { z } from 'zod';
import { OvertureError } from '../errors.js';
import { STANCES, type Stance } from '../types.js';
import { isDay } from './period.js';

export const ROUND_STATUSES = ['held', 'postponed', 'cancelled', 'walk-out'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface PartyPosition {
  text?: string;
  keys?: Record<string, Stance>;
}

export interface NegotiationRound {
  /** `<talks>/<date>/<n>`: n counts the rounds of the talks on that day, from 1. */
  id: string;
  talks: string;
  date: string;
  venue: string | null;
  status: RoundStatus;
  parties: string[];
  /** Who postponed, cancelled or walked out, when the record says. */
  by: string | null;
  note: string | null;
  /** Citation ids (from the file's `citations`) or free references. */
  sources: string[];
  positions: Record<string, PartyPosition>;
}

export interface RoundsCitation {
  id: string;
  title: string;
  author?: string;
  publisher?: string;
  year?: number;
  url?: string;
}

export interface RoundsFile {
  talks: string;
  title: string | null;
  parties: string[];
  citations: RoundsCitation[];
  rounds: NegotiationRound[];
}

const day = z.string().refine(isDay, { error: 'expected a UTC day written YYYY-MM-DD' });
const name = z.string().trim().min(1, { error: 'expected a non-empty name' });
const stance = z.enum(STANCES, { error: `expected a stance: ${STANCES.join(', ')}` });
const position = z.strictObject({
  text: z.string().trim().min(1).optional(),
  keys: z.record(z.string().trim().min(1), stance).optional(),
});

const roundSchema = z.strictObject({
  date: day,
  venue: z.string().trim().min(1).nullish(),
  status: z.enum(ROUND_STATUSES, { error: `expected a status: ${ROUND_STATUSES.join(', ')}` }),
  parties: z.array(name).optional(),
  by: name.nullish(),
  note: z.string().trim().min(1).nullish(),
  sources: z.array(z.string().trim().min(1)).optional(),
  positions: z.record(name, position).optional(),
});
type RoundInput = z.infer<typeof roundSchema>;

const citationSchema = z.strictObject({
  id: z.string().trim().min(1),
  title: z.string().trim().min(1),
  author: z.string().optional(),
  publisher: z.string().optional(),
  year: z.number().int().optional(),
  url: z.string().optional(),
});

const fileSchema = z.strictObject({
  talks: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case slug (a-z, 0-9, -)' }),
  title: z.string().trim().min(1).optional(),
  parties: z.array(name).optional(),
  citations: z.array(citationSchema).optional(),
  rounds: z.array(z.unknown()).min(1, { error: 'expected at least one round' }),
});

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the rounds schema';
  const path = issue.path.filter((p) => typeof p !== 'symbol').join('.');
  const message =
    issue.code === 'unrecognized_keys' ? `unexpected field(s) ${issue.keys.join(', ')}` : issue.message;
  return path ? `${path}: ${message}` : message;
}

function invalid(label: string, where: string, message: string): OvertureError {
  return new OvertureError(
    'invalid-input',
    `invalid rounds file ${label}${where ? ` ${where}` : ''}: ${message}`,
  );
}

/**
 * Reads a rounds document: `{talks, title?, parties?, citations?, rounds: [...]}`, or a bare array
 * of rounds when `talks` is given. Rounds come back in date order (file order within a day).
 */
export function parseRounds(value: unknown, label: string, talksName?: string): RoundsFile {
  const document = Array.isArray(value) ? { talks: talksName, rounds: value } : value;
  if (Array.isArray(value) && talksName === undefined) {
    throw invalid(label, '', 'a bare array of rounds needs a talks name (give --talks NAME)');
  }
  const head = fileSchema.safeParse(
    talksName !== undefined && document && typeof document === 'object'
      ? { ...document, talks: talksName }
      : document,
  );
  if (!head.success) throw invalid(label, '', issueText(head.error));
  const inputs: RoundInput[] = head.data.rounds.map((raw, i) => {
    const round = roundSchema.safeParse(raw);
    if (!round.success) throw invalid(label, `round ${i + 1}`, issueText(round.error));
    return round.data;
  });
  return buildRoundsFile(
    head.data,
    inputs,
    label,
    inputs.map((_, i) => `round ${i + 1}`),
  );
}

function buildRoundsFile(
  head: z.infer<typeof fileSchema>,
  inputs: readonly RoundInput[],
  label: string,
  refs: readonly string[],
): RoundsFile {
  const citations = (head.citations ?? []).map((c) => ({
    id: c.id,
    title: c.title,
    ...(c.author ? { author: c.author } : {}),
    ...(c.publisher ? { publisher: c.publisher } : {}),
    ...(c.year !== undefined ? { year: c.year } : {}),
    ...(c.url ? { url: c.url } : {}),
  }));
  const declared = new Set(citations.map((c) => c.id));
  const order = inputs
    .map((input, i) => ({ input, i }))
    .sort((a, b) => (a.input.date < b.input.date ? -1 : a.input.date > b.input.date ? 1 : a.i - b.i));
  const perDay = new Map<string, number>();
  const rounds = order.map(({ input, i }) => {
    if (declared.size > 0) {
      for (const source of input.sources ?? []) {
        if (!declared.has(source)) {
          throw invalid(
            label,
            refs[i]!,
            `sources: unknown citation "${source}" (expected one of ${[...declared].join(', ')})`,
          );
        }
      }
    }
    if (input.status === 'held' && input.by) {
      throw invalid(label, refs[i]!, `by: "${input.by}" is only for postponed, cancelled or walk-out rounds`);
    }
    const n = (perDay.get(input.date) ?? 0) + 1;
    perDay.set(input.date, n);
    const positions: Record<string, PartyPosition> = {};
    for (const [party, p] of Object.entries(input.positions ?? {})) {
      if (p.text === undefined && p.keys === undefined) {
        throw invalid(label, refs[i]!, `positions.${party}: expected text, keys or both`);
      }
      positions[party] = {
        ...(p.text !== undefined ? { text: p.text } : {}),
        ...(p.keys ? { keys: { ...p.keys } } : {}),
      };
    }
    const parties = [...new Set([...(input.parties ?? head.parties ?? []), ...Object.keys(positions)])];
    return {
      id: `${head.talks}/${input.date}/${n}`,
      talks: head.talks,
      date: input.date,
      venue: input.venue ?? null,
      status: input.status,
      parties,
      by: input.by ?? null,
      note: input.note ?? null,
      sources: input.sources ?? [],
      positions,
    };
  });
  return { talks: head.talks, title: head.title ?? null, parties: head.parties ?? [], citations, rounds };
}

/** One CSV record as the edge parsed it: column → cell, with its line for messages. */
export interface CsvRoundRecord {
  line: number;
  cells: Record<string, string>;
}

const CSV_COLUMNS = [
  'round',
  'date',
  'venue',
  'status',
  'parties',
  'by',
  'note',
  'sources',
  'party',
  'position_text',
  'position_keys',
];

/**
 * Reads CSV rows: one row per round, or per (round, party) when the `party` column is used.
 * Rows with the same `round` value (or, without that column, the same date and venue) are one
 * round. `parties` and `sources` are separated by `;`, `position_keys` is `key:stance;key:stance`.
 */
export function parseRoundsCsv(records: readonly CsvRoundRecord[], label: string, talks: string): RoundsFile {
  if (records.length === 0) throw invalid(label, '', 'no rows (expected a header and at least one round)');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(talks))
    throw invalid(label, '', `talks: "${talks}" (expected a lower-case slug (a-z, 0-9, -))`);
  const unknown = Object.keys(records[0]!.cells).filter((c) => !CSV_COLUMNS.includes(c));
  if (unknown.length > 0) {
    throw invalid(
      label,
      'header',
      `unknown column(s) ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(', ')})`,
    );
  }
  const list = (cell: string | undefined): string[] =>
    (cell ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const grouped = new Map<string, { line: number; round: Record<string, unknown> }>();
  for (const { line, cells } of records) {
    const key = cells.round?.trim() || `${cells.date ?? ''}\u0000${cells.venue ?? ''}`;
    let entry = grouped.get(key);
    if (entry === undefined) {
      const round: Record<string, unknown> = {
        date: cells.date?.trim() ?? '',
        status: cells.status?.trim() ?? '',
      };
      if (cells.venue?.trim()) round.venue = cells.venue.trim();
      if (list(cells.parties).length > 0) round.parties = list(cells.parties);
      if (cells.by?.trim()) round.by = cells.by.trim();
      if (cells.note?.trim()) round.note = cells.note.trim();
      if (list(cells.sources).length > 0) round.sources = list(cells.sources);
      entry = { line, round };
      grouped.set(key, entry);
    }
    const party = cells.party?.trim();
    const text = cells.position_text?.trim();
    const keyList = list(cells.position_keys);
    if (!party) {
      if (text || keyList.length > 0)
        throw invalid(label, `line ${line}`, 'position_text/position_keys need a party column');
      continue;
    }
    const keys: Record<string, string> = {};
    for (const pair of keyList) {
      const colon = pair.lastIndexOf(':');
      if (colon <= 0) throw invalid(label, `line ${line}`, `position_keys: "${pair}" (expected key:stance)`);
      keys[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
    }
    if (text || keyList.length > 0) {
      const positions = (entry.round.positions ?? {}) as Record<string, unknown>;
      positions[party] = { ...(text ? { text } : {}), ...(keyList.length > 0 ? { keys } : {}) };
      entry.round.positions = positions;
    } else {
      // A party row without a position still names a party to the round.
      const parties = (entry.round.parties ?? []) as string[];
      if (!parties.includes(party)) parties.push(party);
      entry.round.parties = parties;
    }
  }
  const rows = [...grouped.values()];
  const inputs = rows.map(({ line, round }) => {
    const parsed = roundSchema.safeParse(round);
    if (!parsed.success) throw invalid(label, `line ${line}`, issueText(parsed.error));
    return parsed.data;
  });
  return buildRoundsFile(
    { talks, rounds: inputs },
    inputs,
    label,
    rows.map(({ line }) => `line ${line}`),
  );
}
