// The field delimiter of a CSV file, told from its header line: comma (RFC 4180), semicolon
// (spreadsheets in locales whose decimal mark is a comma) or tab (TSV).

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that occurs most often outside quotes in the header line; comma on a tie. */
export function detectDelimiter(headerLine: string, label = ''): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let isQuoted = false;
  for (const char of headerLine) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = /\.tsv$/i.test(label) ? '\t' : ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}
