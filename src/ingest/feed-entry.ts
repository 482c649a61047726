// The shape every feed format (RSS, RDF, Atom, JSON Feed, RSS-in-JSON) is read into before it
// becomes a document, so that dates, text, language and refs are handled once for all of them.
import type { DocumentInput } from '../core/types.js';
import { parseFeedDate } from './feed-date.js';
import { htmlToText, tidyParagraphs } from './html-to-text.js';
import { languageOf } from './lang-tag.js';
import type { ReadItem } from './reader.js';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json-feed' | 'rss-in-json';

export interface FeedChannel {
  kind: FeedKind;
  title?: string;
  link?: string;
  lang?: string;
}

export interface FeedEntry {
  /** 1-based position among the feed's items. */
  index: number;
  /** Line the item starts on (XML feeds). */
  line?: number;
  guid?: string;
  link?: string;
  title?: string;
  /** The body as HTML (escaped, CDATA or inline XHTML), when the format gives markup. */
  html?: string;
  /** The body as plain text (JSON Feed content_text, Atom type="text"). */
  text?: string;
  /** The date as written, untouched. */
  date?: string;
  lang?: string;
  authors: string[];
  categories: string[];
}

/** What a format reader found: the entries, and where the input broke if it did. */
export interface FeedReadout {
  channel: FeedChannel;
  entries: FeedEntry[];
  /** Items that could not be read as items at all (not an object, a field of the wrong type). */
  rejectedItems?: Array<{ ref: string; reason: string }>;
  /** Where the input broke off, when it did; the entries are those read before. */
  broken?: { ref: string; reason: string };
}

export function entryRef(label: string, entry: Pick<FeedEntry, 'index' | 'guid'>): string {
  return `${label} item ${entry.index}${entry.guid ? ` (${entry.guid})` : ''}`;
}

export function entryToItem(label: string, channel: FeedChannel, entry: FeedEntry): ReadItem {
  const ref = entryRef(label, entry);
  let publishedAt: Date | undefined;
  if (entry.date) {
    const parsed = parseFeedDate(entry.date);
    if (!parsed) {
      const reason = `invalid date in ${label} item ${entry.index}: ${JSON.stringify(entry.date)} (expected RFC 822 or ISO 8601)`;
      return { kind: 'rejected', ref, reason };
    }
    publishedAt = parsed;
  }
  const title = entry.title ? htmlToText(entry.title).replace(/\s+/g, ' ') : '';
  const body = entry.html ? htmlToText(entry.html) : entry.text ? tidyParagraphs(entry.text) : '';
  const text = body || title;
  if (!text) {
    return {
      kind: 'rejected',
      ref,
      reason: `${ref} has neither a title nor any text (expected one of them)`,
    };
  }
  const url = absoluteUrl(entry.link, channel.link);
  const lang = languageOf(entry.lang) ?? languageOf(channel.lang);
  const meta: Record<string, unknown> = { feed: channel.kind };
  if (channel.title) meta.feedTitle = channel.title;
  if (entry.authors.length > 0) meta.author = entry.authors.join(', ');
  if (entry.categories.length > 0) meta.categories = entry.categories;
  const externalId = entry.guid || url;
  const document: DocumentInput = {
    ref,
    text,
    meta,
    ...(externalId ? { externalId } : {}),
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
  return { kind: 'document', document };
}

/** Resolves a relative item link against the channel's; drops what is no URL at all. */
function absoluteUrl(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, base || undefined).href;
  } catch {
    return undefined;
  }
}
