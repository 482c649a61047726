// Atom 1.0 (RFC 4287), and the Atom 0.3 element names still found in old feeds (issued,
// modified). Told from RSS by its root element `<feed>`, never by the file's extension. Only
// un-prefixed or `atom:` elements are Atom's: a YouTube `media:title` is not the entry's title.
import type { FeedChannel, FeedEntry } from './feed-entry.js';
import { innerMarkup, textOf, type XmlElement } from './xml-tree.js';

export function isAtomRoot(root: XmlElement): boolean {
  return root.local === 'feed';
}

export function atomChannel(root: XmlElement): FeedChannel {
  const title = textOf(atomChild(root, 'title'));
  const link = alternateLink(root);
  const lang = root.attributes['xml:lang'];
  return { kind: 'atom', ...(title ? { title } : {}), ...(link ? { link } : {}), ...(lang ? { lang } : {}) };
}

export function atomEntryElements(root: XmlElement): XmlElement[] {
  return atomChildren(root, 'entry');
}

export function atomEntry(entry: XmlElement, index: number, feedLang: string | undefined): FeedEntry {
  const guid = textOf(atomChild(entry, 'id'));
  const link = alternateLink(entry);
  const title = atomChild(entry, 'title');
  const body = [atomChild(entry, 'content'), atomChild(entry, 'summary')].find(
    (element) => element && textOf(element),
  );
  const date = textOf(
    atomChild(entry, 'published') ??
      atomChild(entry, 'issued') ??
      atomChild(entry, 'updated') ??
      atomChild(entry, 'modified'),
  );
  const lang = entry.attributes['xml:lang'] ?? feedLang;
  const authors = atomChildren(entry, 'author')
    .map((author) => textOf(atomChild(author, 'name')) || textOf(author))
    .filter((name) => name !== '');
  const categories = atomChildren(entry, 'category')
    .map((category) => category.attributes.label || category.attributes.term || '')
    .filter((name) => name !== '');
  return {
    index,
    line: entry.line,
    authors,
    categories,
    ...(guid ? { guid } : {}),
    ...(link ? { link } : {}),
    ...(title ? { title: innerMarkup(title) } : {}),
    // Even type="text" bodies go through the HTML path: many feeds leave out type="html", and
    // text without a tag keeps its line breaks there.
    ...(body ? { html: innerMarkup(body) } : {}),
    ...(date ? { date } : {}),
    ...(lang ? { lang } : {}),
  };
}

function atomChildren(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.name === local || child.name === `atom:${local}`);
}

function atomChild(element: XmlElement, local: string): XmlElement | undefined {
  return atomChildren(element, local)[0];
}

/** RFC 4287 §4.2.7.2: a link without `rel` is an alternate link. */
function alternateLink(element: XmlElement): string | undefined {
  const links = atomChildren(element, 'link');
  const alternate = links.find((link) => (link.attributes.rel ?? 'alternate') === 'alternate') ?? links[0];
  return alternate?.attributes.href || textOf(alternate) || undefined;
}
