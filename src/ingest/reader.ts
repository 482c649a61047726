// The contract every reader keeps. A reader turns bytes into documents (or coded events),
// rejecting bad records one by one with a reason that names the record, and throws an
// OvertureError('invalid-input') only when the input as a whole is unusable.
import type { Readable } from 'node:stream';
import type { DocumentInput, EventInput } from '../core/types.js';

export const FORMATS = ['jsonl', 'csv', 'text', 'html', 'rss', 'telegram', 'gdelt'] as const;
export type Format = (typeof FORMATS)[number];

export type ReadItem =
  | { kind: 'document'; document: DocumentInput }
  | { kind: 'event'; event: EventInput }
  | { kind: 'rejected'; ref: string; reason: string };

export interface ReadInput {
  /** The file path or URL, as the user named it: every error message starts with it. */
  label: string;
  /** Opens the raw bytes; each call gives a fresh stream from the start. */
  open(): Readable;
  /** The HTTP Content-Type header, when the input was fetched. */
  contentType?: string;
}

/** The corpus fields a JSONL or CSV record may carry; `fieldMap` renames them. */
export const CORPUS_FIELDS = ['id', 'text', 'title', 'url', 'date', 'lang', 'source', 'camp'] as const;
export type CorpusField = (typeof CORPUS_FIELDS)[number];

export interface ReaderOptions {
  /** e.g. { text: 'body', date: 'published' }: our field name → the input's field name. */
  fieldMap?: Partial<Record<CorpusField, string>>;
}

export type Reader = (input: ReadInput, options: ReaderOptions) => AsyncIterable<ReadItem>;
