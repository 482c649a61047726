// Where a document says which charset it is in: the HTTP Content-Type header, the XML prolog
// (XML 1.0 §4.3.3) or an HTML <meta> tag (the WHATWG "prescan", simplified). The result is a
// label only; decodeBytes decides whether to believe it.

/** How many leading bytes the in-document declarations are looked for in (WHATWG prescans 1024). */
const PRESCAN_BYTES = 4096;

/** `text/xml; charset="windows-1251"` → `windows-1251`; null when there is no charset parameter. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2] ? normalizeCharset(match[2]) : null;
}

/**
 * The charset an XML prolog (`<?xml … encoding="koi8-r"?>`) or an HTML meta tag (`<meta
 * charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`) declares in the first
 * bytes, or null. Reads the bytes as Latin-1, which keeps every ASCII-compatible charset's
 * markup readable.
 */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString(
    'latin1',
  );
  return xmlPrologCharset(head) ?? htmlMetaCharset(head);
}

export function xmlPrologCharset(head: string): string | null {
  const prolog = /<\?xml\b[^>]*?\bencoding\s*=\s*(["'])([^"']+)\1/i.exec(head);
  return prolog?.[2] ? normalizeCharset(prolog[2]) : null;
}

export function htmlMetaCharset(head: string): string | null {
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*(["']?)([^"'\s/>;]+)\1/i.exec(tag);
    if (direct?.[2]) return normalizeCharset(direct[2]);
  }
  return null;
}

/** Lower-cases a label and maps the aliases browsers treat as one charset (WHATWG Encoding). */
export function normalizeCharset(label: string): string {
  const name = label.trim().toLowerCase();
  // WHATWG: latin-1 and ASCII labels mean windows-1252, whose 0x80–0x9F are printable.
  if (/^(iso[-_]?8859[-_]1|latin-?1|l1|us-ascii|ascii|cp819|ibm819|iso-ir-100)$/.test(name))
    return 'windows-1252';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(name)) return 'utf-8';
  if (/^(cp|x-cp|win-?)125\d$/.test(name)) return `windows-${name.slice(-4)}`;
  if (/^koi8[-_]?r$/.test(name)) return 'koi8-r';
  if (/^koi8[-_]?u$/.test(name)) return 'koi8-u';
  return name;
}
