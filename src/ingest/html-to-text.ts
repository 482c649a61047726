// An HTML fragment (a feed item's description, an article Readability extracted) → plain text
// whose paragraphs are separated by blank lines, the shape the sentence segmenter expects.
// Markup, attributes, scripts and styles never reach the text; entities are decoded.
import { Parser } from 'htmlparser2';

/** Elements that start a new paragraph (HTML's block-level and list elements). */
const BLOCK = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tr ul'
  ).split(' '),
);

/** Elements whose content is never text for a reader (code, styling, embedded objects, forms). */
const SKIPPED = new Set(
  (
    'button canvas embed head iframe math noscript object script select style svg template ' +
    'textarea title'
  ).split(' '),
);

const MARKUP = /<\/?[a-zA-Z!][^>]*>/;

export function htmlToText(html: string): string {
  // Text without a single tag keeps its own line breaks; inside HTML, newlines are spaces.
  const hasMarkup = MARKUP.test(html);
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth += 1;
        else if (name === 'br') parts.push('\n');
        else if (BLOCK.has(name)) parts.push('\n\n');
        else if (name === 'td' || name === 'th') parts.push(' ');
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name)) parts.push('\n\n');
      },
      ontext(text) {
        if (skipDepth > 0) return;
        parts.push(hasMarkup ? text.replace(/\s+/g, ' ') : text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidyParagraphs(parts.join(''));
}

/** Trims every line, keeps single line breaks, and leaves one blank line between paragraphs. */
export function tidyParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0\u200b]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
