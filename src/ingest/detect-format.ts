// Which reader an input needs, told from its first bytes and only then from its name: files are
// misnamed in the wild (an Atom feed saved as `.rss`, a JSON Feed as `.json`, a GDELT export as
// `.CSV`), so content wins. RSParser's FeedParserTypeTests make the same choice for feeds.
import { TextDecoder } from 'node:util';
import { detectDelimiter } from './detect-delimiter.js';
import type { Format } from './reader.js';

/** Enough of the head for every decision below. */
const SNIFF_BYTES = 64 * 1024;

export function detectFormat(label: string, head: Uint8Array): Format {
  const bytes = head.subarray(0, SNIFF_BYTES);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'gdelt';
  const text = decodeHead(bytes).trimStart();
  const extension = extensionOf(label);
  if (text.startsWith('{') || text.startsWith('[')) return jsonFormat(text);
  if (text.startsWith('<')) return markupFormat(text, extension);
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  if (isGdeltRow(firstLine)) return 'gdelt';
  if (extension === 'csv' || extension === 'tsv' || isCsvHeader(firstLine, label)) return 'csv';
  return BY_EXTENSION[extension] ?? 'text';
}

const BY_EXTENSION: Record<string, Format> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  xml: 'rss',
  rss: 'rss',
  atom: 'rss',
  rdf: 'rss',
  zip: 'gdelt',
};

function decodeHead(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // Legacy 8-bit encodings decode to replacement characters here, which is fine: every marker
  // looked for below is ASCII. The decoder drops a UTF-8 byte-order mark.
  return new TextDecoder('utf-8').decode(bytes);
}

function extensionOf(label: string): string {
  const path = label.replace(/[?#].*$/, '');
  const match = /\.([a-z0-9]+)$/i.exec(path);
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * JSON: a JSON Feed (and Dave Winer's RSS-in-JSON) goes to the feed reader; a Telegram export
 * has a `messages` array or a `chats` object near the top; anything else starting with an
 * object is JSON Lines, whose reader explains it when it is one pretty-printed document.
 */
function jsonFormat(text: string): Format {
  const lines = text.split('\n', 3).map((line) => line.trim());
  const first = parseObject(lines[0] ?? '');
  if (first) {
    if (typeof first.version === 'string' && first.version.includes('jsonfeed.org')) return 'rss';
    if (isObject(first.rss)) return 'rss';
    const isTelegram = Array.isArray(first.messages) || isObject(first.chats);
    const hasSecondRecord = parseObject(lines[1] ?? '') !== null;
    return isTelegram && !hasSecondRecord ? 'telegram' : 'jsonl';
  }
  if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(text)) return 'rss';
  // A partial JSON Feed download may stop before "version": its other top-level keys tell it.
  if (/"items"\s*:\s*\[/.test(text) && /"(?:feed_url|home_page_url)"\s*:/.test(text)) return 'rss';
  if (/^\{\s*"rss"\s*:\s*\{/.test(text)) return 'rss';
  if (/^\{\s*"[^"]+"[\s\S]*?"(?:messages|chats)"\s*:\s*[[{]/.test(text)) return 'telegram';
  return 'jsonl';
}

function parseObject(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Markup: the root element after any processing instructions, comments and doctype. Feeds are
 * <rss>, Atom <feed> and RSS 0.9/1.0 <rdf:RDF>; pages are <html> or a doctype html. Another root
 * is a feed when the name says XML, else a page (fragments such as <div> included).
 */
function markupFormat(text: string, extension: string): Format {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    const prolog = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)/.exec(rest);
    if (prolog) {
      rest = rest.slice(prolog[0].length);
      continue;
    }
    const doctype = /^<!doctype\s+([\w:.-]+)[^>]*>/i.exec(rest);
    if (doctype) {
      if (doctype[1]?.toLowerCase() === 'html') return 'html';
      rest = rest.slice(doctype[0].length);
      continue;
    }
    break;
  }
  const root = /^<([\w:.-]+)/.exec(rest)?.[1]?.toLowerCase() ?? '';
  if (root === 'rss' || root === 'feed' || root === 'rdf' || root.endsWith(':rdf')) return 'rss';
  if (root === 'html') return 'html';
  return ['xml', 'rss', 'atom', 'rdf'].includes(extension) ? 'rss' : 'html';
}

/** GDELT event files: 57 (1.0 back files), 58 (1.0 daily) or 61 (2.0) columns, GLOBALEVENTID first. */
function isGdeltRow(line: string): boolean {
  const fields = line.split('\t');
  return fields.length >= 57 && fields.length <= 61 && /^\d+$/.test(fields[0] ?? '');
}

/** A header line naming a text column, whatever the file is called. */
function isCsvHeader(line: string, label: string): boolean {
  const delimiter = detectDelimiter(line, label);
  if (!line.includes(delimiter)) return false;
  const names = line.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  return names.includes('text');
}
