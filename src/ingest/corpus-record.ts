// One JSONL object or CSV row → a DocumentInput, or the reason it cannot be one. The corpus
// fields (id, text, title, url, date, lang, source, camp) are looked up under their own name or
// under the name `fieldMap` gives (a dotted path such as `meta.body` reaches into nested JSON);
// everything else the record carries is kept in `meta`.
import { z } from 'zod';
import type { DocumentInput } from '../core/types.js';
import { parseCorpusDate } from './parse-corpus-date.js';
import { CORPUS_FIELDS, type CorpusField, type ReaderOptions } from './reader.js';

export type CorpusRecordResult = { ok: true; document: DocumentInput } | { ok: false; reason: string };

const optionalText = z.string().optional();
const SCHEMA = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  title: optionalText,
  url: optionalText,
  date: z.union([z.string(), z.number()]).optional(),
  lang: optionalText,
  source: optionalText,
  camp: optionalText,
});

const EXPECTED: Record<CorpusField, string> = {
  id: 'a string or a number',
  text: 'a non-empty string',
  title: 'a string',
  url: 'a string',
  date: 'a date string or a unix time',
  lang: 'a language code',
  source: 'a source name',
  camp: 'a camp name',
};

export function inputFieldName(field: CorpusField, options: ReaderOptions): string {
  return options.fieldMap?.[field] ?? field;
}

export function toCorpusDocument(
  record: Record<string, unknown>,
  ref: string,
  options: ReaderOptions,
): CorpusRecordResult {
  const picked: Partial<Record<CorpusField, unknown>> = {};
  const consumed: string[] = [];
  for (const field of CORPUS_FIELDS) {
    const name = inputFieldName(field, options);
    const found = lookup(record, name);
    if (!found) continue;
    consumed.push(name);
    // An empty cell or null says "no value", except for the text, whose absence is an error.
    if (field !== 'text' && (found.value === null || found.value === '')) continue;
    picked[field] = found.value;
  }
  if (picked.text === undefined) {
    return { ok: false, reason: `no "${inputFieldName('text', options)}" field (expected ${EXPECTED.text})` };
  }
  const parsed = SCHEMA.safeParse(picked);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] as CorpusField;
    const value = picked[field];
    const shown = Array.isArray(value)
      ? 'an array'
      : value !== null && typeof value === 'object'
        ? 'an object'
        : JSON.stringify(value);
    return {
      ok: false,
      reason: `"${inputFieldName(field, options)}" is ${shown} (expected ${EXPECTED[field]})`,
    };
  }
  const fields = parsed.data;
  if (fields.text.trim() === '') {
    return { ok: false, reason: `empty "${inputFieldName('text', options)}" (expected ${EXPECTED.text})` };
  }
  let publishedAt: Date | undefined;
  if (fields.date !== undefined) {
    const date = parseCorpusDate(fields.date, `"${inputFieldName('date', options)}"`);
    if (!date.ok) return { ok: false, reason: date.reason };
    publishedAt = date.date;
  }
  const meta = omitPaths(record, consumed);
  const trimmed = (value: string | undefined): string | undefined => value?.trim() || undefined;
  const optional = {
    externalId: fields.id === undefined ? undefined : String(fields.id),
    title: trimmed(fields.title),
    url: trimmed(fields.url),
    lang: trimmed(fields.lang)?.toLowerCase(),
    source: trimmed(fields.source),
    camp: trimmed(fields.camp),
    publishedAt,
    meta: Object.keys(meta).length > 0 ? meta : undefined,
  };
  const document: DocumentInput = { ref, text: fields.text };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(document, { [key]: value });
  }
  return { ok: true, document };
}

/** The value under `name`: the key itself first (CSV headers may contain dots), else a dotted path. */
function lookup(record: Record<string, unknown>, name: string): { value: unknown } | null {
  if (Object.hasOwn(record, name)) return { value: record[name] };
  if (!name.includes('.')) return null;
  let current: unknown = record;
  for (const key of name.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return { value: current };
}

/** A copy of the record without the consumed fields; nested objects are copied, never mutated. */
function omitPaths(record: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const path of paths) {
    if (Object.hasOwn(copy, path)) {
      delete copy[path];
      continue;
    }
    const [head, ...tail] = path.split('.');
    const child = head === undefined ? undefined : copy[head];
    if (head === undefined || typeof child !== 'object' || child === null || Array.isArray(child)) continue;
    const rest = omitPaths(child as Record<string, unknown>, [tail.join('.')]);
    if (Object.keys(rest).length > 0) copy[head] = rest;
    else delete copy[head];
  }
  return copy;
}
