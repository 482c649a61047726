// Reads historical case files (YAML text, passed in by the edge) into checked cases. Parse,
// don't validate: each file goes through the zod schema, then through the checks that span a
// file (every cited id is declared, the timeline runs forward, the coded tactics match the
// tactics described) and a folder (ids are unique). Every error names the file, the line and
// what was expected.
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { OvertureError } from '../errors.js';
import { type CaseCitation, caseSchema, type HistoricalCase } from './case-schema.js';

export interface CaseFile {
  /** How the file is named in messages (a path relative to the project, usually). */
  path: string;
  text: string;
}

type Path = ReadonlyArray<string | number>;

interface Parsed {
  path: string;
  doc: Document;
  lines: LineCounter;
}

function fail(file: Parsed, path: Path, message: string): never {
  const line = lineOf(file, path);
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  throw new OvertureError(
    'invalid-input',
    `invalid case file ${file.path}${line ? ` line ${line}` : ''}: ${where}${message}`,
  );
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function lineOf(file: Parsed, path: Path): number | null {
  for (let k = path.length; k >= 0; k--) {
    const node = k === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, k), true);
    if (isNode(node) && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return null;
}

/** Parses and checks one case file. */
export function parseCase(file: CaseFile): HistoricalCase {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
  const parsed: Parsed = { path: file.path, doc, lines };
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    throw new OvertureError(
      'invalid-input',
      `invalid case file ${file.path} line ${line}: not valid YAML (${yamlError.message.split('\n')[0]})`,
    );
  }
  const result = caseSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unexpected field(s) ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && issue.input === undefined
          ? `missing (expected ${issue.expected})`
          : issue.message;
    fail(parsed, path, message);
  }
  const value = result.data;
  checkCitations(parsed, value);
  checkChronology(parsed, value);
  checkTactics(parsed, value);
  if (!value.parties.some((p) => p.side === 'initiator')) {
    fail(parsed, ['parties'], 'expected one party with side "initiator"');
  }
  return value;
}

function checkCitations(file: Parsed, value: HistoricalCase): void {
  const declared = new Map<string, CaseCitation>();
  value.citations.forEach((c, i) => {
    if (declared.has(c.id)) fail(file, ['citations', i, 'id'], `citation id "${c.id}" declared twice`);
    declared.set(c.id, c);
  });
  const used = new Set<string>();
  const visit = (path: Path, ids: readonly string[]): void => {
    ids.forEach((id, i) => {
      if (!declared.has(id)) {
        fail(
          file,
          [...path, i],
          `unknown citation "${id}" (expected one of ${[...declared.keys()].join(', ')})`,
        );
      }
      used.add(id);
    });
  };
  value.timeline.forEach((f, i) => {
    visit(['timeline', i, 'sources'], f.sources);
  });
  value.pressure_context.forEach((f, i) => {
    visit(['pressure_context', i, 'sources'], f.sources);
  });
  value.overtures.forEach((f, i) => {
    visit(['overtures', i, 'sources'], f.sources);
  });
  value.tactics.forEach((f, i) => {
    visit(['tactics', i, 'sources'], f.sources);
  });
  value.concessions.forEach((f, i) => {
    visit(['concessions', i, 'sources'], f.sources);
  });
  visit(['outcome', 'sources'], value.outcome.sources);
  value.citations.forEach((c, i) => {
    if (!used.has(c.id))
      fail(file, ['citations', i, 'id'], `citation "${c.id}" is never cited (cite it or remove it)`);
  });
}

function checkChronology(file: Parsed, value: HistoricalCase): void {
  if (value.period.end < value.period.start) {
    fail(file, ['period', 'end'], `ends (${value.period.end}) before it starts (${value.period.start})`);
  }
  value.timeline.forEach((f, i) => {
    const previous = value.timeline[i - 1];
    // A partial date is a span ('1953-03' is 1953-03-01 … 1953-03-31): it is in order if it can end
    // on or after the day the previous entry can start.
    if (previous && latestDay(f.date) < earliestDay(previous.date)) {
      fail(
        file,
        ['timeline', i, 'date'],
        `${f.date} comes after ${previous.date} (expected the timeline in date order)`,
      );
    }
  });
}

const earliestDay = (date: string): string => `${date}-01-01`.slice(0, 10);
const latestDay = (date: string): string =>
  date.length === 10 ? date : date.length === 7 ? `${date}-31` : `${date}-12-31`;

function checkTactics(file: Parsed, value: HistoricalCase): void {
  const described = [...new Set(value.tactics.map((t) => t.tactic))].sort();
  const coded = [...new Set(value.features.tactics.value)].sort();
  if (described.join(',') !== coded.join(',')) {
    fail(
      file,
      ['features', 'tactics', 'value'],
      `codes [${coded.join(', ')}] but the tactics described are [${described.join(', ')}] (expected the same set)`,
    );
  }
}

/** Parses every file and checks that no two cases share an id; cases come back sorted by start. */
export function loadCases(files: readonly CaseFile[]): HistoricalCase[] {
  const cases: HistoricalCase[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const value = parseCase(file);
    const other = seen.get(value.id);
    if (other !== undefined) {
      throw new OvertureError(
        'invalid-input',
        `invalid case file ${file.path}: id "${value.id}" is also used by ${other}`,
      );
    }
    seen.set(value.id, file.path);
    cases.push(value);
  }
  return cases.sort((a, b) =>
    a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0,
  );
}
