// The units of DESIGN.md as types. Everything in core/ speaks these; readers turn untyped input
// into them, the store persists them, the CLI and server print them.

/** The ten signal categories of CODING-GUIDE.md, in the guide's order. */
export const SIGNALS = [
  'overture',
  'refusal',
  'blame',
  'position',
  'wedge',
  'delegitimize',
  'threat',
  'stall',
  'stalemate',
  'commitment',
] as const;
export type SignalCategory = (typeof SIGNALS)[number];

export const STANCES = ['assert', 'harden', 'soften', 'drop'] as const;
export type Stance = (typeof STANCES)[number];

/** The default position keys (CODING-GUIDE.md); a codebook may add more. */
export const DEFAULT_POSITION_KEYS = [
  'neutrality',
  'annexed-territories',
  'withdrawal',
  'demilitarization',
  'denazification',
  'sanctions-relief',
  'language-and-church',
  'nato-rollback',
  'regime-change',
  'ua-1991-borders',
  'ua-security-guarantees',
  'ua-reparations-and-justice',
  'ua-peace-formula',
] as const;

/** Default camps (CODING-GUIDE.md); a codebook may add more, so camps are plain strings. */
export const DEFAULT_CAMPS = [
  'ru-official',
  'ru-state-media',
  'ru-milblog',
  'ru-independent',
  'ua-official',
  'ua-media',
  'west-official',
  'west-media',
  'west-commentary',
  'other',
] as const;
export type Camp = string;

/** ISO 639-1 code, or 'und' when it could not be told. ru, uk and en are the first-class ones. */
export type Lang = string;

export const SOURCE_KINDS = [
  'news',
  'official',
  'channel',
  'commentary',
  'think-tank',
  'corpus',
  'gdelt',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  id: number;
  name: string;
  camp: Camp;
  lang: Lang | null;
  kind: SourceKind;
  url: string | null;
  /** Polling interval for feed sources, in minutes; null for sources that are not polled. */
  scheduleMinutes: number | null;
  /** Default speaker (actor id) when a statement quotes nobody. */
  defaultSpeaker: string | null;
}

export interface SourceInput {
  name: string;
  camp: Camp;
  lang?: Lang | null;
  kind?: SourceKind;
  url?: string | null;
  scheduleMinutes?: number | null;
  defaultSpeaker?: string | null;
}

/**
 * One published item as a reader produced it, before it is stored. `ref` names where it came
 * from (file and line, item or message id) for error messages and provenance.
 */
export interface DocumentInput {
  ref: string;
  /** Name of the source; resolved (or created, when `camp` is given) by the ingest pipeline. */
  source?: string;
  camp?: Camp;
  /** The id the record had in its origin (feed guid, message id, corpus id). */
  externalId?: string;
  url?: string;
  title?: string;
  text: string;
  lang?: Lang;
  publishedAt?: Date;
  /** Format-specific extras kept as JSON (forwarded_from, edited time, GDELT fields…). */
  meta?: Record<string, unknown>;
}

export interface DocumentRecord {
  id: number;
  sourceId: number;
  externalId: string | null;
  url: string | null;
  title: string | null;
  text: string;
  lang: Lang;
  publishedAt: Date | null;
  contentHash: string;
  /** id of an earlier document this one nearly duplicates, or null. */
  nearDuplicateOf: number | null;
  meta: Record<string, unknown>;
}

/** Character offsets are UTF-16 code-unit offsets into the document's stored text. */
export interface Span {
  start: number;
  end: number;
}

export interface Statement extends Span {
  text: string;
}

export interface Evidence extends Span {
  /** Rule id (`signal.lang.name`), or `model:<id>` for a model code. */
  rule: string;
}

export interface SignalCode {
  signal: SignalCategory;
  speaker: string | null;
  target: string | null;
  position: string | null;
  stance: Stance | null;
  confidence: number;
  /** 'rule' when a codebook rule fired (evidence present), 'model' when only the model did. */
  origin: 'rule' | 'model';
  evidence: Evidence[];
}

export interface CodedStatement extends Statement {
  signals: SignalCode[];
}

export interface Actor {
  id: string;
  name: string;
  camp: Camp | null;
  aliases: Record<Lang, string[]>;
}

/** A dated numeric series; `direction` says whether a rise means more pressure on `actor`. */
export interface IndicatorPoint {
  date: string; // YYYY-MM-DD (UTC)
  value: number;
}

/**
 * An event coded by someone else (a GDELT 2.0 export row): kept beside our own signals, never
 * re-coded. `signal` is the category the CAMEO code maps to in our codebook, or null.
 */
export interface EventInput {
  ref: string;
  externalId: string;
  /** YYYY-MM-DD (UTC), the day the event happened as coded. */
  day: string;
  /** When the coder added it (GDELT DATEADDED), UTC. */
  addedAt: Date | null;
  cameo: string;
  rootCode: string;
  quadClass: number | null;
  goldstein: number | null;
  actor1: { code: string; name: string; country: string } | null;
  actor2: { code: string; name: string; country: string } | null;
  numMentions: number | null;
  avgTone: number | null;
  sourceUrl: string | null;
  signal: SignalCategory | null;
  meta: Record<string, unknown>;
}
