// Which reader reads which format. JSON Feed is read by the feed reader (format 'rss').
import { readCsv } from './csv.js';
import { readFeed } from './feed.js';
import { readGdelt } from './gdelt.js';
import { readHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import type { Format, Reader } from './reader.js';
import { readTelegram } from './telegram.js';
import { readText } from './text.js';

const READERS: Record<Format, Reader> = {
  jsonl: readJsonl,
  csv: readCsv,
  text: readText,
  html: readHtml,
  rss: readFeed,
  telegram: readTelegram,
  gdelt: readGdelt,
};

export function readerFor(format: Format): Reader {
  return READERS[format];
}
