// The schema of a historical case file (data/cases/*.yaml). A case is written from the
// historical record: every dated fact and every claim carries the ids of the citations it rests
// on, and every coded feature carries a written rationale. A date may be a year or a month when
// the day is not certain — a partial date is better than an invented one.
import { z } from 'zod';
import { ORDINAL_FEATURES, type OrdinalFeature, TACTIC_NAMES } from './case-features.js';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar year, month or day. */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const partialDate = z
  .string({ error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD (quote it)' })
  .refine(isPartialDate, { error: 'expected a real date written YYYY, YYYY-MM or YYYY-MM-DD' });

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case slug (a-z, 0-9, -)' });
const text = z.string().trim().min(1, { error: 'expected non-empty text' });
const sources = z.array(slug).min(1, { error: 'expected at least one citation id' });

const fact = z.strictObject({ date: partialDate.optional(), text, sources });
const datedFact = z.strictObject({ date: partialDate, text, sources });

const ordinal = z.strictObject({
  value: z.number().int().min(0).max(3, { error: 'expected an integer from 0 to 3' }),
  rationale: text,
});

const features = z
  .strictObject(
    Object.fromEntries(ORDINAL_FEATURES.map((name) => [name, ordinal])) as Record<
      OrdinalFeature,
      typeof ordinal
    >,
  )
  .extend({
    tactics: z.strictObject({ value: z.array(z.enum(TACTIC_NAMES)), rationale: text }),
  });

const citation = z.strictObject({
  id: slug,
  title: text,
  author: text.optional(),
  editor: text.optional(),
  publisher: text.optional(),
  year: z.number().int().min(1800).max(2100).optional(),
  url: z.url().optional(),
  note: text.optional(),
});

export const caseSchema = z.strictObject({
  id: slug,
  title: text,
  period: z.strictObject({ start: partialDate, end: partialDate }),
  /** The party whose overtures the case is about. */
  initiator: text,
  parties: z
    .array(z.strictObject({ name: text, side: z.enum(['initiator', 'counterpart', 'mediator', 'other']) }))
    .min(2),
  summary: text,
  timeline: z.array(datedFact).min(1),
  pressure_context: z.array(fact).min(1),
  overtures: z.array(fact).min(1),
  tactics: z.array(z.strictObject({ tactic: z.enum(TACTIC_NAMES), text, sources })),
  concessions: z.array(fact),
  outcome: fact,
  features,
  citations: z.array(citation).min(1),
});

export type HistoricalCase = z.infer<typeof caseSchema>;
export type CaseFact = z.infer<typeof fact>;
export type CaseCitation = z.infer<typeof citation>;
