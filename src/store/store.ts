// The store interface: one for both PGlite (embedded, the default) and PostgreSQL. Writes live
// here; read queries live one per file in queries/ as functions of the Db (umami's layout), so
// an analysis can add the query it needs without touching this file.
import type {
  Actor,
  CodedStatement,
  DocumentInput,
  EventInput,
  Lang,
  Source,
  SourceInput,
} from '../core/types.js';
import type { Db } from './db.js';

/** A document ready to store: its source resolved, its text normalised, its language known. */
export interface PreparedDocument extends DocumentInput {
  sourceId: number;
  lang: Lang;
  contentHash: string;
  /** Hash of the text with case, punctuation, digits and spacing removed (near duplicates). */
  fingerprint: string;
  /** The codebook version that will code it in the same run (its statements follow in the run). */
  codedVersion?: string;
}

export interface DocumentWriteResult {
  /** ids of the documents written (new or changed), in batch order. */
  written: Array<{
    ref: string;
    id: number;
    status: 'inserted' | 'updated';
    /** For an update: the stored version's publication time (its day's roll-ups change too). */
    previousPublishedAt?: Date | null;
  }>;
  /** refs of the documents already stored unchanged (same source and content). */
  duplicates: string[];
  /** refs flagged as near duplicates of an earlier document: ref → earlier id. */
  nearDuplicates: Array<{ ref: string; of: number }>;
}

export interface StoreStats {
  sources: number;
  documents: number;
  statements: number;
  signals: number;
  events: number;
  codedDocuments: number;
  codebookVersions: string[];
}

export interface CodingWrite {
  documentId: number;
  statements: CodedStatement[];
  /** The source's default speaker: a statement whose signals name nobody is attributed to it. */
  defaultSpeaker?: string | null;
  /**
   * Set when the document was inserted by this run and never coded (ingest): it has no
   * statements to replace, and its counts are added to the daily roll-ups in the same
   * transaction, under `day` (its UTC publication day, YYYY-MM-DD; null when undated), so that
   * its day need not be recounted with refreshRollups afterwards.
   */
  fresh?: { sourceId: number; day: string | null };
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** The driver, for the query functions in queries/. */
  readonly db: Db;
  /** Where the data lives: the embedded store's folder, or the server with its password hidden. */
  readonly location: string;

  upsertSource(input: SourceInput): Promise<Source>;
  getSource(name: string): Promise<Source | null>;
  listSources(): Promise<Source[]>;
  /** Writes conditional-GET state after a poll of a feed source. */
  recordFetch(
    sourceId: number,
    state: { etag: string | null; lastModified: string | null; status: string; failed: boolean; at: Date },
  ): Promise<void>;

  /** Writes a batch in one transaction: all of it lands, or none. Re-writing never duplicates. */
  writeDocuments(batch: readonly PreparedDocument[]): Promise<DocumentWriteResult>;
  writeEvents(
    batch: ReadonlyArray<EventInput & { sourceId: number }>,
  ): Promise<{ accepted: number; duplicates: number }>;
  /**
   * Replaces the statements and signals of each document, in one transaction per call, and
   * marks the documents as coded by `codebookVersion` (unless `markDocuments` is false: they
   * were written with that version already, and rewriting each document row would double the
   * cost of a coded ingest). The roll-ups of `fresh` documents are kept up to date; those of
   * the others wait for refreshRollups.
   */
  writeCoding(
    codebookVersion: string,
    batch: readonly CodingWrite[],
    options?: { markDocuments?: boolean },
  ): Promise<void>;
  recordCodebookVersion(version: string, summary: Record<string, unknown>): Promise<void>;
  /** Makes the actors table the codebook's actors (added, updated, and those gone removed). */
  syncActors(actors: readonly Actor[]): Promise<void>;
  /** Rebuilds the daily roll-ups (all days, or the given UTC days). */
  refreshRollups(days?: readonly string[]): Promise<void>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
