// The reader for the `html` format: one saved web page → one document (ref = the page's label).
// The bytes are decoded by BOM, declared charset (<meta charset>, http-equiv) or letter
// statistics; the article is extracted by Readability; scripts, styles and attributes never
// reach the text.
import { OvertureError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import { decodeBytes } from './decode.js';
import { extractArticle } from './extract-article.js';
import { parseFeedDate } from './feed-date.js';
import { languageOf } from './lang-tag.js';
import { readInputBytes } from './read-input-bytes.js';
import type { Reader } from './reader.js';

export const readHtml: Reader = async function* readHtml(input) {
  const { label } = input;
  const bytes = await readInputBytes(input);
  const { text: html, encoding } = decodeBytes(bytes, {
    label,
    ...(input.contentType ? { contentType: input.contentType } : {}),
  });
  if (html.trim() === '')
    throw new OvertureError('invalid-input', `${label}: empty file (expected an HTML page)`);
  const article = extractArticle(html);
  if (article.text === '') {
    throw new OvertureError(
      'invalid-input',
      `${label}: the page holds no readable text (expected an article page)`,
    );
  }
  // A page's date is a hint, not a field the user gave us: an unreadable one is left out.
  const publishedAt = article.published ? parseFeedDate(article.published) : null;
  const lang = languageOf(article.lang);
  const url = absoluteUrl(article.url, label);
  const meta: Record<string, unknown> = { encoding };
  if (article.byline) meta.author = article.byline;
  if (article.siteName) meta.siteName = article.siteName;
  if (article.published && !publishedAt) meta.publishedRaw = article.published;
  const document: DocumentInput = {
    ref: label,
    text: article.text,
    meta,
    ...(url ? { url, externalId: url } : {}),
    ...(article.title ? { title: article.title } : {}),
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
  yield { kind: 'document', document };
};

/** A canonical link may be relative; resolve it against the page's own URL when it was fetched. */
function absoluteUrl(link: string | undefined, label: string): string | undefined {
  if (!link) return /^https?:\/\//i.test(label) ? label : undefined;
  try {
    return new URL(link, /^https?:\/\//i.test(label) ? label : undefined).href;
  } catch {
    return undefined;
  }
}
