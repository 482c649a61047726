// JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1), and Dave Winer's RSS-in-JSON
// (`{"rss": {"channel": {"item": […]}}}`), which is an RSS channel written as JSON rather than a
// JSON Feed. The version URL is accepted with http or https: real 1.0 feeds still say http.
import { z } from 'zod';
import { OvertureError } from '../core/errors.js';
import { entryRef, type FeedEntry, type FeedReadout } from './feed-entry.js';

const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/i;

const Author = z.looseObject({ name: z.string().optional() });
const JsonFeedItem = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
  author: Author.optional(),
  authors: z.array(Author).optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().optional(),
});

const RssInJsonItem = z.looseObject({
  title: z.string().optional(),
  link: z.string().optional(),
  description: z.string().optional(),
  pubDate: z.string().optional(),
  guid: z.union([z.string(), z.looseObject({ value: z.string().optional() })]).optional(),
  category: z.union([z.string(), z.array(z.unknown())]).optional(),
});

export function readJsonFeed(text: string, label: string): FeedReadout {
  const value = parseJson(text, label);
  if (isRecord(value) && typeof value.version === 'string' && JSON_FEED_VERSION.test(value.version)) {
    return jsonFeedReadout(value, label);
  }
  if (isRecord(value) && isRecord(value.rss) && isRecord(value.rss.channel)) {
    return rssInJsonReadout(value.rss.channel, label);
  }
  const version =
    isRecord(value) && typeof value.version === 'string'
      ? ` with version ${JSON.stringify(value.version)}`
      : '';
  throw new OvertureError(
    'invalid-input',
    `${label}: JSON${version} is not a feed (expected a JSON Feed with "version": "https://jsonfeed.org/version/1.1", or RSS-in-JSON {"rss": {"channel": …}})`,
  );
}

function jsonFeedReadout(feed: Record<string, unknown>, label: string): FeedReadout {
  const title = typeof feed.title === 'string' ? feed.title : undefined;
  const link = typeof feed.home_page_url === 'string' ? feed.home_page_url : undefined;
  const lang = typeof feed.language === 'string' ? feed.language : undefined;
  const channel = {
    kind: 'json-feed' as const,
    ...(title ? { title } : {}),
    ...(link ? { link } : {}),
    ...(lang ? { lang } : {}),
  };
  if (!Array.isArray(feed.items)) {
    throw new OvertureError(
      'invalid-input',
      `${label}: JSON Feed has no "items" array (expected "items": [ … ])`,
    );
  }
  const entries: FeedEntry[] = [];
  const rejected: Array<{ ref: string; reason: string }> = [];
  feed.items.forEach((raw, position) => {
    const index = position + 1;
    const parsed = JsonFeedItem.safeParse(raw);
    if (!parsed.success) {
      rejected.push(invalidItem(label, index, parsed.error));
      return;
    }
    const item = parsed.data;
    const guid = item.id === undefined ? undefined : String(item.id);
    const link = item.url ?? item.external_url;
    const authors = [...(item.authors ?? []), ...(item.author && !item.authors ? [item.author] : [])]
      .map((author) => author.name ?? '')
      .filter((name) => name !== '');
    const date = item.date_published ?? item.date_modified;
    const body = item.content_html ? { html: item.content_html } : (item.content_text ?? item.summary);
    entries.push({
      index,
      authors,
      categories: item.tags ?? [],
      ...(guid ? { guid } : {}),
      ...(link ? { link } : {}),
      ...(item.title ? { title: item.title } : {}),
      ...(typeof body === 'string' ? { text: body } : (body ?? {})),
      ...(date ? { date } : {}),
      ...(item.language ? { lang: item.language } : {}),
    });
  });
  return withRejections({ channel, entries }, rejected);
}

function rssInJsonReadout(channel: Record<string, unknown>, label: string): FeedReadout {
  const title = typeof channel.title === 'string' ? channel.title : undefined;
  const link = typeof channel.link === 'string' ? channel.link : undefined;
  const lang = typeof channel.language === 'string' ? channel.language : undefined;
  const items = Array.isArray(channel.item) ? channel.item : channel.item === undefined ? [] : [channel.item];
  const entries: FeedEntry[] = [];
  const rejected: Array<{ ref: string; reason: string }> = [];
  items.forEach((raw, position) => {
    const index = position + 1;
    const parsed = RssInJsonItem.safeParse(raw);
    if (!parsed.success) {
      rejected.push(invalidItem(label, index, parsed.error));
      return;
    }
    const item = parsed.data;
    const guid = typeof item.guid === 'string' ? item.guid : item.guid?.value;
    const categories = [item.category ?? []]
      .flat()
      .filter((name): name is string => typeof name === 'string');
    entries.push({
      index,
      authors: [],
      categories,
      ...(guid ? { guid } : {}),
      ...(item.link ? { link: item.link } : {}),
      ...(item.title ? { title: item.title } : {}),
      ...(item.description ? { html: item.description } : {}),
      ...(item.pubDate ? { date: item.pubDate } : {}),
    });
  });
  const kind = 'rss-in-json' as const;
  return withRejections(
    {
      channel: { kind, ...(title ? { title } : {}), ...(link ? { link } : {}), ...(lang ? { lang } : {}) },
      entries,
    },
    rejected,
  );
}

function invalidItem(label: string, index: number, error: z.ZodError): { ref: string; reason: string } {
  const ref = entryRef(label, { index });
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` field ${issue.path.join('.')}` : '';
  return {
    ref,
    reason: `${ref}${where}: ${issue?.message ?? 'not an object'} (expected a JSON Feed item object)`,
  };
}

/** A JSON Feed has no truncation point, so bad items ride along as extra rejections. */
function withRejections(readout: FeedReadout, rejected: Array<{ ref: string; reason: string }>): FeedReadout {
  return rejected.length > 0 ? { ...readout, rejectedItems: rejected } : readout;
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const isAtEnd = text.slice(position).trim().split('\n').length <= 1;
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/ of JSON input$/, '');
    throw new OvertureError(
      'invalid-input',
      `${label}: invalid JSON at line ${line}, column ${column} (offset ${position}): ${reason} (expected a complete JSON document${isAtEnd ? '; the file looks truncated' : ''})`,
      { cause: error },
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
