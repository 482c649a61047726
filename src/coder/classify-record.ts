// One input record of `overture classify` ({id, text, lang?}) to its output line. Shared by the
// CLI (in-process and in the worker threads) and by the lead's pipelines. The language is
// detected when the record does not give it.
import { z } from 'zod';
import type { Coder } from '../core/coding/coder.js';
import { OvertureError } from '../core/errors.js';
import { detectLanguage } from '../core/text/detect-language.js';
import { type CodedStatement, type Lang, SIGNALS, type SignalCategory, type Stance } from '../core/types.js';

const LANG_CODE = /^[a-z]{2,3}$/;

export const classifyRecordSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.string().regex(LANG_CODE).optional(),
  defaultSpeaker: z.string().optional(),
});
export type ClassifyRecord = z.infer<typeof classifyRecordSchema>;

export interface ClassifyOutput {
  id: string | number;
  signals: SignalCategory[];
  positions: Array<{ key: string; stance: Stance }>;
  statements: Array<{
    start: number;
    end: number;
    text: string;
    signals: Array<{
      signal: SignalCategory;
      speaker: string | null;
      target: string | null;
      position: string | null;
      stance: Stance | null;
      confidence: number;
      evidence: Array<{ rule: string; start: number; end: number }>;
    }>;
  }>;
}

export interface ClassifyOptions {
  /** Keep statements without signals in the output (default: only coded statements). */
  allStatements?: boolean;
}

/** Parses one JSONL line; the error names the input and the line and says what was expected. */
export function parseClassifyLine(line: string, label: string, lineNumber: number): ClassifyRecord {
  const where = `${label} line ${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new OvertureError(
      'invalid-input',
      `invalid record in ${where}: not JSON (expected {"id", "text", "lang"?})`,
      { cause: error },
    );
  }
  // The common case checked by hand (the schema below is slow for millions of lines); anything
  // else goes through the schema, which also words the error.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { id, text, lang, defaultSpeaker } = value as Record<string, unknown>;
    if (
      (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) &&
      typeof text === 'string' &&
      (lang === undefined || (typeof lang === 'string' && LANG_CODE.test(lang))) &&
      (defaultSpeaker === undefined || typeof defaultSpeaker === 'string')
    ) {
      const record: ClassifyRecord = { id, text };
      if (lang !== undefined) record.lang = lang;
      if (defaultSpeaker !== undefined) record.defaultSpeaker = defaultSpeaker;
      return record;
    }
  }
  const result = classifyRecordSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'record';
    throw new OvertureError(
      'invalid-input',
      `invalid record in ${where}: ${field}: ${issue?.message ?? 'invalid'} (expected {"id": string|number, "text": string, "lang"?: "ru"|"uk"|"en"|…})`,
    );
  }
  return result.data;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function toClassifyOutput(
  id: string | number,
  statements: readonly CodedStatement[],
  options: ClassifyOptions = {},
): ClassifyOutput {
  const found = new Set<SignalCategory>();
  const positions = new Map<string, { key: string; stance: Stance }>();
  const out: ClassifyOutput['statements'] = [];
  for (const statement of statements) {
    for (const code of statement.signals) {
      found.add(code.signal);
      if (code.position !== null && code.stance !== null) {
        positions.set(`${code.position}/${code.stance}`, { key: code.position, stance: code.stance });
      }
    }
    if (statement.signals.length === 0 && !options.allStatements) continue;
    out.push({
      start: statement.start,
      end: statement.end,
      text: statement.text,
      signals: statement.signals.map((code) => ({
        signal: code.signal,
        speaker: code.speaker,
        target: code.target,
        position: code.position,
        stance: code.stance,
        confidence: round(code.confidence),
        evidence: code.evidence.map((e) => ({ rule: e.rule, start: e.start, end: e.end })),
      })),
    });
  }
  return {
    id,
    signals: SIGNALS.filter((s) => found.has(s)),
    positions: [...positions.values()],
    statements: out,
  };
}

export function recordLanguage(record: ClassifyRecord): Lang {
  return record.lang ?? detectLanguage(record.text).lang;
}

/** Codes one record: `{id, text, lang?}` in, the classify output line (as an object) out. */
export function classifyRecord(
  coder: Coder,
  record: ClassifyRecord,
  options: ClassifyOptions = {},
): ClassifyOutput {
  const statements = coder.code({
    text: record.text,
    lang: recordLanguage(record),
    defaultSpeaker: record.defaultSpeaker ?? null,
  });
  return toClassifyOutput(record.id, statements, options);
}
