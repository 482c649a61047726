// Turns the texts of a codebook folder into a checked Codebook. Parse, don't validate: each file
// goes through its zod schema, then the checks that span files (known languages and lexicon
// lists, patterns that parse, unique rule ids, known camps and actors). Every error names the
// file, the line (from the YAML document's ranges) and what was expected.
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { OvertureError } from '../errors.js';
import { type Codebook, type CodebookFile, canonicalJson, type SignalSet } from './codebook.js';
import { expandPattern, PatternError } from './pattern.js';
import {
  type ActorSpec,
  actorsFileSchema,
  type CampSpec,
  campsFileSchema,
  type LanguageSpec,
  languagesFileSchema,
  type PositionsFile,
  positionsFileSchema,
  type RuleSpec,
  signalFileSchema,
} from './schema.js';
import { sha256Hex } from './sha256.js';

type Path = ReadonlyArray<string | number>;

interface ParsedFile {
  path: string;
  doc: Document;
  lines: LineCounter;
}

function fail(file: ParsedFile | string, path: Path, message: string): never {
  const name = typeof file === 'string' ? file : file.path;
  const line = typeof file === 'string' ? null : lineOf(file, path);
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  throw new OvertureError(
    'invalid-codebook',
    `invalid codebook file ${name}${line ? ` line ${line}` : ''}: ${where}${message}`,
  );
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The line of the deepest node of `path` that exists in the document (of its key, for a map entry). */
function lineOf(file: ParsedFile, path: Path): number | null {
  for (let k = path.length; k >= 0; k--) {
    const parent = k === 0 ? null : k === 1 ? file.doc.contents : file.doc.getIn(path.slice(0, k - 1), true);
    const last = path[k - 1];
    if (isMap(parent) && typeof last === 'string') {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair && isNode(pair.key) && pair.key.range) return file.lines.linePos(pair.key.range[0]).line;
    }
    const node = k === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, k), true);
    if (isNode(node) && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return null;
}

function parseYaml(file: CodebookFile): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    throw new OvertureError(
      'invalid-codebook',
      `invalid codebook file ${file.path} line ${line}: not valid YAML (${error.message.split('\n')[0]})`,
    );
  }
  return { path: file.path, doc, lines };
}

function check<T extends z.ZodType>(file: ParsedFile, schema: T): z.infer<T> {
  const result = schema.safeParse(file.doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) fail(file, [], 'does not match the codebook schema');
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const message =
    issue.code === 'unrecognized_keys' ? `unexpected field(s) ${issue.keys.join(', ')}` : issue.message;
  return fail(file, path, message);
}

function checkPatterns(
  file: ParsedFile,
  path: Path,
  patterns: readonly string[] | undefined,
  language: LanguageSpec | undefined,
): void {
  patterns?.forEach((pattern, i) => {
    try {
      expandPattern(pattern, language?.lexicon ?? {});
    } catch (error) {
      if (error instanceof PatternError) fail(file, [...path, i], error.message);
      throw error;
    }
  });
}

function checkRule(file: ParsedFile, path: Path, rule: RuleSpec, language: LanguageSpec | undefined): void {
  checkPatterns(file, [...path, 'any'], rule.any, language);
  checkPatterns(file, [...path, 'near', 'a'], rule.near?.a, language);
  checkPatterns(file, [...path, 'near', 'b'], rule.near?.b, language);
  checkPatterns(file, [...path, 'require'], rule.require, language);
  checkPatterns(file, [...path, 'unless'], rule.unless, language);
}

function requireLanguage(
  file: ParsedFile,
  path: Path,
  lang: string,
  languages: Record<string, LanguageSpec>,
): LanguageSpec {
  const language = languages[lang];
  if (!language) {
    fail(
      file,
      path,
      `unknown language "${lang}" (expected one of ${Object.keys(languages).join(', ')}, from languages.yaml)`,
    );
  }
  return language;
}

function uniqueIds(
  file: ParsedFile,
  path: Path,
  ids: readonly string[],
  seen: Set<string>,
  what: string,
): void {
  ids.forEach((id, i) => {
    if (seen.has(id)) fail(file, [...path, i, 'id'], `duplicate ${what} id "${id}" (expected each id once)`);
    seen.add(id);
  });
}

const KNOWN = 'languages.yaml, actors.yaml, positions.yaml, camps.yaml or signals/*.yaml';

/** Parses and checks a codebook folder's files (paths relative to the folder). */
export function parseCodebook(files: readonly CodebookFile[]): Codebook {
  const parsed = [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map(parseYaml);
  const byName = (name: string) => parsed.find((f) => f.path === name);
  const languagesFile = byName('languages.yaml');
  if (!languagesFile) fail('languages.yaml', [], 'missing (expected the file that declares the languages)');
  const languages = check(languagesFile, languagesFileSchema).languages;
  for (const [lang, language] of Object.entries(languages)) {
    const at = ['languages', lang];
    checkPatterns(languagesFile, [...at, 'negators'], language.negators, language);
    checkPatterns(languagesFile, [...at, 'clauseBreaks'], language.clauseBreaks, language);
    checkPatterns(languagesFile, [...at, 'reporting', 'verbs'], language.reporting.verbs, language);
    checkPatterns(languagesFile, [...at, 'reporting', 'frames'], language.reporting.frames, language);
    checkPatterns(languagesFile, [...at, 'reporting', 'acts'], language.reporting.acts, language);
    checkPatterns(
      languagesFile,
      [...at, 'reporting', 'accusations'],
      language.reporting.accusations,
      language,
    );
    for (const [name, entries] of Object.entries(language.lexicon)) {
      checkPatterns(languagesFile, [...at, 'lexicon', name], entries, language);
    }
  }

  const campsFile = byName('camps.yaml');
  const camps: CampSpec[] = campsFile ? check(campsFile, campsFileSchema).camps : [];
  const actorsFile = byName('actors.yaml');
  const actors: ActorSpec[] = actorsFile ? check(actorsFile, actorsFileSchema).actors : [];
  if (actorsFile) {
    uniqueIds(
      actorsFile,
      ['actors'],
      actors.map((a) => a.id),
      new Set(),
      'actor',
    );
    actors.forEach((actor, i) => {
      if (actor.camp !== null && campsFile && !camps.some((c) => c.id === actor.camp)) {
        fail(
          actorsFile,
          ['actors', i, 'camp'],
          `unknown camp "${actor.camp}" (expected a camp of camps.yaml)`,
        );
      }
      for (const [lang, aliases] of Object.entries(actor.aliases)) {
        checkPatterns(
          actorsFile,
          ['actors', i, 'aliases', lang],
          aliases,
          requireLanguage(actorsFile, ['actors', i, 'aliases', lang], lang, languages),
        );
      }
    });
  }

  const positionsFile = byName('positions.yaml');
  const positionsData: PositionsFile = positionsFile
    ? check(positionsFile, positionsFileSchema)
    : { negationScope: 1, positions: [], stances: { harden: {}, soften: {}, drop: {} } };
  if (positionsFile) {
    uniqueIds(
      positionsFile,
      ['positions'],
      positionsData.positions.map((p) => p.key),
      new Set(),
      'position key',
    );
    const ruleIds = new Map<string, Set<string>>();
    positionsData.positions.forEach((position, i) => {
      for (const [lang, rules] of Object.entries(position.rules)) {
        const language = requireLanguage(positionsFile, ['positions', i, 'rules', lang], lang, languages);
        const seen = ruleIds.get(lang) ?? new Set();
        ruleIds.set(lang, seen);
        uniqueIds(
          positionsFile,
          ['positions', i, 'rules', lang],
          rules.map((r) => r.id),
          seen,
          'position rule',
        );
        rules.forEach((rule, k) => {
          checkRule(positionsFile, ['positions', i, 'rules', lang, k], rule, language);
        });
      }
    });
    for (const stance of ['harden', 'soften', 'drop'] as const) {
      for (const [lang, cues] of Object.entries(positionsData.stances[stance])) {
        const language = requireLanguage(positionsFile, ['stances', stance, lang], lang, languages);
        cues.forEach((cue, k) => {
          checkPatterns(positionsFile, ['stances', stance, lang, k, 'any'], cue.any, language);
        });
      }
    }
  }

  const signals: SignalSet[] = [];
  const signalRuleIds = new Map<string, Set<string>>();
  for (const file of parsed) {
    if (['languages.yaml', 'camps.yaml', 'actors.yaml', 'positions.yaml'].includes(file.path)) continue;
    if (!file.path.startsWith('signals/')) fail(file, [], `unexpected file (expected ${KNOWN})`);
    const data = check(file, signalFileSchema);
    for (const [lang, rules] of Object.entries(data.rules)) {
      const language = requireLanguage(file, ['rules', lang], lang, languages);
      const key = `${data.signal}.${lang}`;
      const seen = signalRuleIds.get(key) ?? new Set();
      signalRuleIds.set(key, seen);
      uniqueIds(
        file,
        ['rules', lang],
        rules.map((r) => r.id),
        seen,
        `${key} rule`,
      );
      rules.forEach((rule, k) => {
        checkRule(file, ['rules', lang, k], rule, language);
        if (
          rule.target !== undefined &&
          rule.target !== 'none' &&
          !actors.some((a) => a.id === rule.target)
        ) {
          fail(
            file,
            ['rules', lang, k, 'target'],
            `unknown actor "${rule.target}" (expected an actor id of actors.yaml or "none")`,
          );
        }
      });
    }
    for (const [lang, exclusions] of Object.entries(data.exclude)) {
      const language = requireLanguage(file, ['exclude', lang], lang, languages);
      exclusions.forEach((ex, k) => {
        checkPatterns(file, ['exclude', lang, k, 'any'], ex.any, language);
      });
    }
    signals.push({ ...data, file: file.path });
  }

  const content = {
    languages,
    signals,
    positions: positionsData.positions,
    positionNegationScope: positionsData.negationScope,
    stances: positionsData.stances,
    actors,
    camps,
  };
  return { version: sha256Hex(canonicalJson(content)).slice(0, 16), ...content };
}
