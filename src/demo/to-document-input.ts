// A demo document as the ingest pipeline takes it, for callers that store the scenario without
// going through a file (the `demo` command), and as the JSONL line a file carries. Either way the
// stored document's meta is the demo document's meta: the JSONL reader keeps every field it does
// not know in meta, so the line lists the meta fields at the top level beside the corpus fields.
import type { DocumentInput } from '../core/types.js';
import type { DemoDocument } from './generate-demo.js';

export function toDocumentInput(doc: DemoDocument): DocumentInput {
  return {
    ref: `synthetic demo ${doc.id}`,
    source: doc.source,
    camp: doc.camp,
    externalId: doc.id,
    url: doc.url,
    title: doc.title,
    text: doc.text,
    lang: doc.lang,
    publishedAt: new Date(doc.date),
    meta: { ...doc.meta },
  };
}

/** One line of corpus.jsonl (without its newline). */
export function toCorpusLine(doc: DemoDocument): string {
  const { meta, ...fields } = doc;
  return JSON.stringify({ ...fields, ...meta });
}
