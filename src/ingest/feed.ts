// The reader for the `rss` format: any news feed. The kind is told from the content, never
// from the file's extension: JSON (JSON Feed or RSS-in-JSON) when it starts with `{`, else XML
// whose root element says RSS (`<rss>`, `<rdf:RDF>`) or Atom (`<feed>`). A feed that breaks off
// keeps the items completed before the break and reports where it broke.
import { OvertureError } from '../core/errors.js';
import { atomChannel, atomEntry, atomEntryElements, isAtomRoot } from './atom.js';
import { decodeBytes } from './decode.js';
import { entryRef, entryToItem, type FeedEntry, type FeedReadout } from './feed-entry.js';
import { readJsonFeed } from './json-feed.js';
import { readInputBytes } from './read-input-bytes.js';
import type { Reader } from './reader.js';
import { isRssRoot, rssChannel, rssEntry, rssItemElements } from './rss.js';
import { openAtEnd, parseXmlTree } from './xml-tree.js';

export const readFeed: Reader = async function* readFeed(input) {
  const { label } = input;
  const bytes = await readInputBytes(input);
  const { text } = decodeBytes(bytes, {
    label,
    ...(input.contentType ? { contentType: input.contentType } : {}),
  });
  if (text.trim() === '') {
    throw new OvertureError('invalid-input', `${label}: empty file (expected an RSS, Atom or JSON feed)`);
  }
  const readout = /^\s*[{[]/.test(text) ? readJsonFeed(text, label) : readXmlFeed(text, label);
  if (readout.entries.length === 0 && readout.broken) {
    throw new OvertureError('invalid-input', `${readout.broken.reason}; no complete item before it`);
  }
  for (const entry of readout.entries) yield entryToItem(label, readout.channel, entry);
  for (const rejected of readout.rejectedItems ?? []) yield { kind: 'rejected', ...rejected };
  if (readout.broken) yield { kind: 'rejected', ...readout.broken };
};

export function readXmlFeed(text: string, label: string): FeedReadout {
  const tree = parseXmlTree(text);
  const root = tree.roots.find((element) => isRssRoot(element) || isAtomRoot(element));
  if (!root) {
    const found = tree.roots[0] ? `root element <${tree.roots[0].name}>` : 'no XML element';
    throw new OvertureError(
      'invalid-input',
      `${label}: not a feed: ${found} (expected <rss>, <rdf:RDF> or an Atom <feed>, or a JSON Feed)`,
    );
  }
  const isAtom = isAtomRoot(root);
  const channel = isAtom ? atomChannel(root) : rssChannel(root);
  const elements = isAtom ? atomEntryElements(root) : rssItemElements(root);
  const entries: FeedEntry[] = [];
  let brokenEntry: FeedEntry | undefined;
  elements.forEach((element, position) => {
    const entry = isAtom ? atomEntry(element, position + 1, channel.lang) : rssEntry(element, position + 1);
    if (element.isClosed) entries.push(entry);
    else brokenEntry ??= entry;
  });

  const open = openAtEnd(tree.roots);
  const deepest = open.at(-1);
  if (!deepest) return { channel, entries };
  const where = brokenEntry
    ? `${label} item ${brokenEntry.index} (from line ${brokenEntry.line}) breaks off at line ${tree.lastLine} inside <${deepest.name}>`
    : `${label} breaks off at line ${tree.lastLine} inside <${deepest.name}> opened on line ${deepest.line}`;
  const reason = `${where} (expected </${deepest.name}>): the feed is truncated or malformed`;
  const ref = brokenEntry ? entryRef(label, brokenEntry) : `${label} line ${tree.lastLine}`;
  return { channel, entries, broken: { ref, reason } };
}
