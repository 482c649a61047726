// A saved web page → its article: Mozilla's Readability (the algorithm behind Firefox Reader
// View) over a linkedom DOM, plus the page metadata Readability does not return in the shape we
// need: the canonical URL, the language and the publication time (Open Graph
// `article:published_time`, schema.org JSON-LD `datePublished`, or the first `<time datetime>`).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from './html-to-text.js';

export interface ExtractedArticle {
  title?: string;
  /** Paragraphs separated by blank lines. */
  text: string;
  url?: string;
  lang?: string;
  /** The publication time as the page writes it (parse it with parseFeedDate). */
  published?: string;
  byline?: string;
  siteName?: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];

export function extractArticle(html: string): ExtractedArticle {
  const { document } = parseHTML(html);
  // Read the metadata first: Readability rewrites the document it is given.
  const lang =
    document.documentElement?.getAttribute('lang') || metaContent(document, 'http-equiv', 'content-language');
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ||
    metaContent(document, 'property', 'og:url');
  const published =
    metaContent(document, 'property', 'article:published_time') ||
    metaContent(document, 'itemprop', 'datePublished') ||
    jsonLdDatePublished(document) ||
    document.querySelector('time[datetime]')?.getAttribute('datetime') ||
    undefined;
  const headings = document.querySelectorAll('h1');
  const fallbackTitle =
    (headings.length === 1 ? headings[0]?.textContent?.trim() : undefined) ||
    metaContent(document, 'property', 'og:title') ||
    document.querySelector('title')?.textContent;
  const fallbackText = htmlToText(document.querySelector('body')?.innerHTML ?? html);

  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  // Readability can take the publisher's name from JSON-LD for the title (Kommersant does
  // this); a title that is only the site's name is not the article's.
  const isSiteName = article?.title && article.siteName && article.title.trim() === article.siteName.trim();
  const title = ((isSiteName ? undefined : article?.title) || fallbackTitle || '')
    .replace(/\s+/g, ' ')
    .trim();
  const body = (article?.content ? htmlToText(article.content) : '') || fallbackText;
  const text = withoutLeadingTitle(body, title);
  return {
    text,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(lang ? { lang } : {}),
    ...(published ? { published: published.trim() } : {}),
    ...(article?.byline ? { byline: article.byline.trim() } : {}),
    ...(article?.siteName ? { siteName: article.siteName.trim() } : {}),
  };
}

/** The headline is the document's title; repeated as the first paragraph it would be coded twice. */
function withoutLeadingTitle(text: string, title: string): string {
  const [first, ...rest] = text.split('\n\n');
  const isTitle = title !== '' && first?.replace(/\s+/g, ' ').trim() === title;
  return isTitle && rest.length > 0 ? rest.join('\n\n') : text;
}

function metaContent(document: Doc, attribute: string, value: string): string | undefined {
  for (const meta of document.querySelectorAll(`meta[${attribute}]`)) {
    if (meta.getAttribute(attribute)?.toLowerCase() === value.toLowerCase()) {
      const content = meta.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return undefined;
}

/** The first `datePublished` in the page's JSON-LD blocks, searching nested objects and @graph. */
function jsonLdDatePublished(document: Doc): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common and only costs us a hint
    }
    const found = findKey(data, 'datePublished', 0);
    if (found) return found;
  }
  return undefined;
}

function findKey(value: unknown, key: string, depth: number): string | undefined {
  if (depth > 6 || typeof value !== 'object' || value === null) return undefined;
  if (!Array.isArray(value)) {
    const direct = (value as Record<string, unknown>)[key];
    if (typeof direct === 'string' && direct.trim()) return direct;
  }
  for (const child of Object.values(value)) {
    const found = findKey(child, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}
