// The ingest pipeline: read → resolve the source → normalise → detect the language → hash →
// write in batches (one transaction each) → code what was written. Bad records are reported
// one by one and never stop the run; an unusable input is reported and the next one is read.
import { OvertureError } from '../core/errors.js';
import { detectLanguage } from '../core/text/detect-language.js';
import { fingerprintText, normalizeText } from '../core/text/normalize-text.js';
import type { DocumentInput, EventInput, Source } from '../core/types.js';
import { sha256Hex } from '../store/document-id.js';
import type { PreparedDocument, Store } from '../store/store.js';
import { utcDay } from './code-documents.js';
import type { ExpandedInput } from './expand-inputs.js';
import { languageOf } from './lang-tag.js';
import type { Format, Reader, ReaderOptions } from './reader.js';

export interface Rejection {
  ref: string;
  reason: string;
}

export interface IngestSummary {
  accepted: number;
  updated: number;
  duplicates: number;
  nearDuplicates: number;
  events: number;
  coded: number;
  rejected: Rejection[];
  /** Inputs that could not be used at all (their rejection is also in `rejected`). */
  unusable: number;
  inputs: number;
}

/** Codes the documents a batch wrote; the CLI passes the coder's batch coder, tests a fake. */
export type CodeDocuments = (
  documents: readonly DocumentToCode[],
) => Promise<{ days: string[]; coded: number }>;

export interface DocumentToCode {
  id: number;
  text: string;
  lang: string;
  publishedAt: Date | null;
  defaultSpeaker: string | null;
  /** Its source, and whether this run inserted it (a new document has no coding to replace). */
  sourceId?: number;
  inserted?: boolean;
}

/** Batches whose coding may be in flight at once. */
const CODING_DEPTH = 2;

export interface IngestOptions {
  readerFor(format: Format): Reader;
  readerOptions?: ReaderOptions;
  /** The source for records that name none (`--source`). */
  source?: Source;
  /** The camp of sources that records name but that do not exist yet (`--camp`). */
  defaultCamp?: string;
  /**
   * Codes what each batch wrote. Documents are written already marked with `version`; their
   * coding is written while the next batch is read and written (so workers code beside the
   * store), and the run waits for the last one.
   */
  coding?: { version: string; code: CodeDocuments };
  batchSize?: number;
  onProgress?(summary: IngestSummary, currentLabel: string): void;
}

export function emptySummary(): IngestSummary {
  return {
    accepted: 0,
    updated: 0,
    duplicates: 0,
    nearDuplicates: 0,
    events: 0,
    coded: 0,
    rejected: [],
    unusable: 0,
    inputs: 0,
  };
}

export function prepareDocument(doc: DocumentInput, source: Source): PreparedDocument {
  const text = normalizeText(doc.text);
  if (text === '')
    throw new OvertureError('invalid-input', 'empty text after normalisation (expected some words)');
  const title = doc.title === undefined ? undefined : normalizeText(doc.title);
  const declared = languageOf(doc.lang);
  const lang = declared ?? detectLanguage(title ? `${title}\n${text}` : text).lang;
  const contentHash = sha256Hex(`${title ?? ''}\n\n${text}`);
  const fingerprint = sha256Hex(fingerprintText(text)).slice(0, 32);
  const { title: _title, text: _text, lang: _lang, ...rest } = doc;
  return { ...rest, ...(title ? { title } : {}), text, lang, contentHash, fingerprint, sourceId: source.id };
}

export async function ingest(
  store: Store,
  inputs: AsyncIterable<ExpandedInput>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const summary = emptySummary();
  const batchSize = options.batchSize ?? 500;
  const sources = new Map<string, Source>();
  const touchedDays = new Set<string>();

  async function resolveSource(doc: DocumentInput): Promise<Source> {
    if (!doc.source) {
      if (options.source) return options.source;
      throw new OvertureError(
        'invalid-input',
        'no source (expected a "source" field with its "camp", or --source NAME)',
      );
    }
    const cached = sources.get(doc.source);
    if (cached) return cached;
    let source = await store.getSource(doc.source);
    if (!source) {
      const camp = doc.camp ?? options.defaultCamp;
      if (!camp) {
        throw new OvertureError(
          'invalid-input',
          `unknown source "${doc.source}" (expected a "camp" field or --camp to create it, or \`overture sources add\` first)`,
        );
      }
      source = await store.upsertSource({ name: doc.source, camp });
    }
    sources.set(doc.source, source);
    return source;
  }

  let documents: Array<{ prepared: PreparedDocument; source: Source }> = [];
  let events: Array<EventInput & { sourceId: number }> = [];
  // Codings in flight, oldest first: up to CODING_DEPTH batches code while the next is read and
  // written, so the workers do not wait for the thread that drives the store. Each batch's
  // coding is its own transaction over its own documents, so the order in which they land does
  // not matter; an error surfaces at the next flush or at the end.
  const inFlight: Promise<void>[] = [];

  async function flushDocuments(): Promise<void> {
    if (documents.length === 0) return;
    const batch = documents;
    documents = [];
    const coding = options.coding;
    const result = await store.writeDocuments(
      batch.map((d) => (coding ? { ...d.prepared, codedVersion: coding.version } : d.prepared)),
    );
    summary.duplicates += result.duplicates.length;
    summary.nearDuplicates += result.nearDuplicates.length;
    const byRef = new Map(batch.map((d) => [d.prepared.ref, d]));
    const written = result.written.map((w) => {
      if (w.status === 'inserted') summary.accepted++;
      else summary.updated++;
      // An update moves the item's statements out of the day it was dated before.
      if (coding && w.previousPublishedAt) touchedDays.add(utcDay(w.previousPublishedAt));
      const item = byRef.get(w.ref)!;
      return {
        id: w.id,
        text: item.prepared.text,
        lang: item.prepared.lang,
        publishedAt: item.prepared.publishedAt ?? null,
        defaultSpeaker: item.source.defaultSpeaker,
        sourceId: item.prepared.sourceId,
        inserted: w.status === 'inserted',
      };
    });
    while (inFlight.length >= CODING_DEPTH) await inFlight.shift();
    if (coding && written.length > 0) {
      const pending = coding.code(written).then((coded) => {
        summary.coded += coded.coded;
        for (const day of coded.days) touchedDays.add(day);
      });
      // Marked handled here, so a failure is not "unhandled" before its turn to be awaited.
      pending.catch(() => {});
      inFlight.push(pending);
    }
  }

  async function flushEvents(): Promise<void> {
    if (events.length === 0) return;
    const result = await store.writeEvents(events);
    events = [];
    summary.events += result.accepted;
    summary.duplicates += result.duplicates;
  }

  async function eventSource(): Promise<Source> {
    if (options.source) return options.source;
    const cached = sources.get('gdelt');
    if (cached) return cached;
    const source = await store.upsertSource({ name: 'gdelt', camp: 'other', kind: 'gdelt' });
    sources.set('gdelt', source);
    return source;
  }

  for await (const { input, format } of inputs) {
    summary.inputs++;
    const reader = options.readerFor(format);
    try {
      for await (const item of reader(input, options.readerOptions ?? {})) {
        if (item.kind === 'rejected') {
          summary.rejected.push({ ref: item.ref, reason: item.reason });
        } else if (item.kind === 'event') {
          events.push({ ...item.event, sourceId: (await eventSource()).id });
          if (events.length >= batchSize) await flushEvents();
        } else {
          try {
            const source = await resolveSource(item.document);
            documents.push({ prepared: prepareDocument(item.document, source), source });
          } catch (error) {
            if (!(error instanceof OvertureError)) throw error;
            summary.rejected.push({ ref: item.document.ref, reason: error.message });
          }
          if (documents.length >= batchSize) await flushDocuments();
        }
        options.onProgress?.(summary, input.label);
      }
    } catch (error) {
      if (!(error instanceof OvertureError) || error.code !== 'invalid-input') throw error;
      summary.unusable++;
      summary.rejected.push({ ref: input.label, reason: error.message });
    }
    await flushDocuments();
    await flushEvents();
  }
  for (const pending of inFlight) await pending;
  if (touchedDays.size > 0) await store.refreshRollups([...touchedDays].sort());
  return summary;
}
