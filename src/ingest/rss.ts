// RSS 2.0 and 0.91 (items inside <channel>) and RSS 0.90 / 1.0 RDF (items beside <channel>),
// read the lenient way real readers do: names are matched without regard to case (`<pubdate>`)
// or to the default namespace (`xmlns="http://backend.userland.com/rss2"`), only the items
// that are direct children of the channel or the root count (a PCMag feed nests an empty
// `<item/>` inside every item), and the body is taken from the richest element present.
import type { FeedChannel, FeedEntry, FeedKind } from './feed-entry.js';
import { childNamed, childrenNamed, innerMarkup, textOf, type XmlElement } from './xml-tree.js';

/** Body elements, richest first: full text beats a teaser. */
const BODY = ['content:encoded', 'yandex:full-text', 'a10:content', 'atom:content', 'description', 'summary'];
const DATE = [
  'pubdate',
  'dc:date',
  'a10:published',
  'atom:published',
  'a10:updated',
  'atom:updated',
  'dc:created',
];

export function isRssRoot(root: XmlElement): boolean {
  return root.local === 'rss' || root.local === 'rdf' || childNamed(root, 'channel') !== undefined;
}

export function rssChannel(root: XmlElement): FeedChannel {
  const channel = childNamed(root, 'channel');
  const kind: FeedKind = root.local === 'rdf' ? 'rdf' : 'rss';
  const title = textOf(channel && childNamed(channel, 'title'));
  const link = channel ? linkOf(channel) : undefined;
  const lang =
    textOf(channel && childNamed(channel, 'language', 'dc:language')) || root.attributes['xml:lang'] || '';
  return { kind, ...(title ? { title } : {}), ...(link ? { link } : {}), ...(lang ? { lang } : {}) };
}

/** The item elements in document order: the channel's, then the root's (RDF). */
export function rssItemElements(root: XmlElement): XmlElement[] {
  const channel = childNamed(root, 'channel');
  const items = [...(channel ? childrenNamed(channel, 'item') : []), ...childrenNamed(root, 'item')];
  return items.sort((a, b) => a.line - b.line);
}

export function rssEntry(item: XmlElement, index: number): FeedEntry {
  const guid = textOf(childNamed(item, 'guid', 'a10:id', 'atom:id', 'dc:identifier'));
  const link = linkOf(item);
  const title = childNamed(item, 'title', 'dc:title');
  const body = BODY.map((name) => childNamed(item, name)).find((element) => element && textOf(element));
  const date = textOf(childNamed(item, ...DATE));
  const lang = textOf(childNamed(item, 'dc:language')) || item.attributes['xml:lang'];
  const authors = childrenNamed(item, 'author', 'dc:creator', 'a10:author', 'atom:author')
    .map(authorName)
    .filter((name) => name !== '');
  const categories = childrenNamed(item, 'category', 'dc:subject')
    .map((element) => textOf(element) || element.attributes.term || '')
    .filter((name) => name !== '');
  return {
    index,
    line: item.line,
    authors,
    categories,
    ...(guid ? { guid } : {}),
    ...(link ? { link } : {}),
    ...(title ? { title: innerMarkup(title) } : {}),
    ...(body ? { html: innerMarkup(body) } : {}),
    ...(date ? { date } : {}),
    ...(lang ? { lang } : {}),
  };
}

/**
 * The item's web address: FeedBurner's original link over its redirect, then `<link>` text,
 * then an Atom-style `<atom:link href>` (or `a10:link`), then a guid that is a permalink.
 */
function linkOf(element: XmlElement): string | undefined {
  const original = textOf(childNamed(element, 'feedburner:origlink'));
  if (original) return original;
  const text = childrenNamed(element, 'link')
    .map(textOf)
    .find((value) => value !== '');
  if (text) return text;
  const atomLink = element.children.find(
    (child) =>
      child.local === 'link' &&
      child.attributes.href &&
      (child.attributes.rel === undefined || child.attributes.rel === 'alternate'),
  );
  if (atomLink?.attributes.href) return atomLink.attributes.href;
  const guid = childNamed(element, 'guid');
  if (guid && guid.attributes.ispermalink !== 'false' && /^https?:\/\//i.test(textOf(guid)))
    return textOf(guid);
  return undefined;
}

/** `editor@example.com (Ann Smith)` → `Ann Smith`; Atom-style `<author><name>` → its name. */
function authorName(element: XmlElement): string {
  const name = childNamed(element, 'name', 'a10:name', 'atom:name');
  const text = textOf(name ?? element).replace(/\s+/g, ' ');
  const parenthesised = /^\S+@\S+\s+\((.+)\)$/.exec(text);
  return parenthesised?.[1] ?? text;
}
