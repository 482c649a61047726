// A small, forgiving XML tree for feeds. htmlparser2 in xmlMode tokenises whatever it is given
// (junk before the prolog, undeclared prefixes, bad nesting), the way browsers' feed readers
// cope with the real web; this file keeps just what the feed readers need: lower-cased
// qualified names, attributes, mixed content in order, the line each element starts on, and
// whether the element was closed before the file ended (a truncated download is not an item).
import { Parser } from 'htmlparser2';

export interface XmlElement {
  /** Qualified name, lower-cased: `item`, `content:encoded`, `rdf:rdf`, `a10:link`. */
  name: string;
  /** The name without its prefix: `encoded`, `rdf`, `link`. */
  local: string;
  attributes: Record<string, string>;
  /** Text and elements in document order. */
  nodes: Array<XmlElement | string>;
  children: XmlElement[];
  /** 1-based line of the start tag. */
  line: number;
  /** False when the file ended before the element's end tag. */
  isClosed: boolean;
}

export interface XmlTree {
  /** Top-level elements (normally one). */
  roots: XmlElement[];
  /** The line of the last character that is not white space: where a truncated file broke. */
  lastLine: number;
}

export function parseXmlTree(text: string): XmlTree {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let isEnding = false;
  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const name = rawName.toLowerCase();
        const attributes: Record<string, string> = {};
        for (const [key, value] of Object.entries(attribs)) attributes[key.toLowerCase()] = value;
        const element: XmlElement = {
          name,
          local: name.slice(name.indexOf(':') + 1),
          attributes,
          nodes: [],
          children: [],
          line: lineAt(parser.startIndex),
          isClosed: false,
        };
        const parent = stack.at(-1);
        if (parent) {
          parent.nodes.push(element);
          parent.children.push(element);
        } else roots.push(element);
        stack.push(element);
      },
      onclosetag() {
        const element = stack.pop();
        // Closes that end() makes up for elements still open are where the file broke.
        if (element) element.isClosed = !isEnding;
      },
      ontext(chunk) {
        const parent = stack.at(-1);
        if (!parent) return;
        const last = parent.nodes.at(-1);
        if (typeof last === 'string') parent.nodes[parent.nodes.length - 1] = last + chunk;
        else parent.nodes.push(chunk);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  isEnding = true;
  parser.end();
  return { roots, lastLine: lineAt(text.trimEnd().length - 1) };
}

/** Direct children with one of the given qualified names (lower case), in order. */
export function childrenNamed(element: XmlElement, ...names: string[]): XmlElement[] {
  return element.children.filter((child) => names.includes(child.name));
}

/** The first direct child with one of the names, trying the names in the order given. */
export function childNamed(element: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const found = element.children.find((child) => child.name === name);
    if (found) return found;
  }
  return undefined;
}

/** All text inside the element, markup dropped, trimmed (CDATA padding included). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  const collect = (node: XmlElement | string): string =>
    typeof node === 'string' ? node : node.nodes.map(collect).join('');
  return collect(element).trim();
}

/**
 * The element's content as HTML: escaped HTML and CDATA come out as the text they hold, and raw
 * (X)HTML children are written back as tags (without attributes, which never reach the text).
 */
export function innerMarkup(element: XmlElement): string {
  return element.nodes
    .map((node) => (typeof node === 'string' ? node : `<${node.local}>${innerMarkup(node)}</${node.local}>`))
    .join('');
}

/** The deepest chain of elements left open when the file ended, outermost first. */
export function openAtEnd(roots: readonly XmlElement[]): XmlElement[] {
  const chain: XmlElement[] = [];
  let level: readonly XmlElement[] = roots;
  for (;;) {
    const open = level.findLast((element) => !element.isClosed);
    if (!open) return chain;
    chain.push(open);
    level = open.children;
  }
}
