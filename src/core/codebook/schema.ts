// The shape of the codebook files (codebook/*.yaml), as zod schemas. The loader validates each
// file against its schema and reports the first problems with file, line and what was expected.
// Field names are the words of DESIGN.md and CODING-GUIDE.md; the rule language itself (globs,
// alternatives, gaps, lexicon references) is parsed by pattern.ts.
import { z } from 'zod';
import { SIGNALS, STANCES } from '../types.js';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id of letters, digits and hyphens (e.g. "ready-to-talk")');
const lang = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as ru, uk or en');
const pattern = z.string().min(1, 'a non-empty pattern');
const patterns = z.array(pattern).min(1, 'at least one pattern');
const signal = z.enum(SIGNALS);

/** What a negator before the cue does: drop the code, ignore it, or turn it into another signal. */
export const negationSchema = z.union([z.enum(['suppress', 'ignore']), z.strictObject({ flip: signal })]);

export const nearSchema = z.strictObject({
  a: patterns,
  b: patterns,
  within: z.number().int().min(0).max(30),
  ordered: z.boolean().default(true),
});

export const ruleSchema = z
  .strictObject({
    id,
    any: patterns.optional(),
    near: nearSchema.optional(),
    require: patterns.optional(),
    unless: patterns.optional(),
    negation: negationSchema.optional(),
    negationScope: z.number().int().min(0).max(10).optional(),
    confidence: z.number().gt(0).max(1).optional(),
    target: z.string().optional(),
    stance: z.enum(STANCES).optional(),
    /** Drop this rule's code when a rule of one of these signals fired in the same statement. */
    unlessSignal: z.array(signal).optional(),
    rationale: z.string().min(1, 'a rationale saying why the rule exists'),
    example: z.string().min(1, 'an example sentence the rule codes'),
  })
  .refine((r) => (r.any === undefined) !== (r.near === undefined), {
    message: 'exactly one of "any" (patterns) or "near" (proximity)',
  });

export const exclusionSchema = z.strictObject({
  id,
  any: patterns,
  rationale: z.string().min(1, 'a rationale saying why the exclusion exists'),
  example: z.string().min(1, 'an example sentence the exclusion keeps uncoded'),
});

const byLang = <T extends z.ZodType>(item: T) => z.record(lang, z.array(item));

export const signalFileSchema = z.strictObject({
  signal,
  description: z.string().optional(),
  negation: negationSchema.default('suppress'),
  negationScope: z.number().int().min(0).max(10).optional(),
  confidence: z.number().gt(0).max(1).default(0.9),
  /**
   * Find the actor the signal is aimed at (blame, wedge, delegitimize): an actor named inside the
   * evidence first, then the nearest one before it or after it, as said here; `none` finds none.
   */
  target: z.enum(['none', 'before', 'after']).default('none'),
  exclude: byLang(exclusionSchema).default({}),
  rules: byLang(ruleSchema),
});

export const languageSchema = z.strictObject({
  name: z.string(),
  negators: patterns,
  negationScope: z.number().int().min(0).max(10).default(3),
  /** Words that end the reach of a negator or a reporting verb (but, но, але). */
  clauseBreaks: z.array(pattern).default([]),
  reporting: z.strictObject({
    /** Verbs whose speaker stands next to them, before or after («заявил Песков», "Peskov said"). */
    verbs: patterns,
    /** Frames whose speaker follows («по словам», "according to"). */
    frames: z.array(pattern).default([]),
    /**
     * Speech acts («предложил», "rejected", "called for"): their subject speaks only for the
     * signal the act itself carries (rule 1 of the guide: "X rejected the proposal").
     */
    acts: z.array(pattern).default([]),
    /**
     * Verbs of accusing and naming ("accused", «назвал», «звинуватив»): their subject, before
     * them, speaks for every signal after them; the name after them is the one accused.
     */
    accusations: z.array(pattern).default([]),
  }),
  lexicon: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), patterns).default({}),
});

export const languagesFileSchema = z.strictObject({ languages: z.record(lang, languageSchema) });

export const actorSchema = z.strictObject({
  id,
  name: z.string().min(1),
  camp: z.string().nullable().default(null),
  kind: z.enum(['person', 'body', 'country', 'title', 'group']).default('person'),
  aliases: z.record(lang, patterns),
});
export const actorsFileSchema = z.strictObject({ actors: z.array(actorSchema) });

export const positionSchema = z.strictObject({
  key: id,
  description: z.string().min(1),
  rules: byLang(ruleSchema),
});
export const stanceCueSchema = z.strictObject({
  id,
  any: patterns,
  rationale: z.string().min(1),
  example: z.string().min(1),
});
export const positionsFileSchema = z.strictObject({
  /**
   * How far before a position cue a negator reaches. Short by default: "no longer insists on
   * neutrality" is a stance (drop), read by the stance cues, not a negated position.
   */
  negationScope: z.number().int().min(0).max(10).default(1),
  positions: z.array(positionSchema),
  stances: z.strictObject({
    harden: byLang(stanceCueSchema).default({}),
    soften: byLang(stanceCueSchema).default({}),
    drop: byLang(stanceCueSchema).default({}),
  }),
});

export const campsFileSchema = z.strictObject({
  camps: z.array(z.strictObject({ id, description: z.string().min(1) })),
});

export type RuleSpec = z.infer<typeof ruleSchema>;
export type NegationSpec = z.infer<typeof negationSchema>;
export type ExclusionSpec = z.infer<typeof exclusionSchema>;
export type SignalFile = z.infer<typeof signalFileSchema>;
export type LanguageSpec = z.infer<typeof languageSchema>;
export type ActorSpec = z.infer<typeof actorSchema>;
export type PositionSpec = z.infer<typeof positionSchema>;
export type StanceCueSpec = z.infer<typeof stanceCueSchema>;
export type PositionsFile = z.infer<typeof positionsFileSchema>;
export type CampSpec = z.infer<typeof campsFileSchema>['camps'][number];
