// quanteda-style YAML dictionaries (nested keys → lists of glob patterns; Benoit et al. 2018,
// `dictionary(file = …, format = "YAML")`), the format content analysts already share. Export is
// lossy by nature — a dictionary has no gaps, proximity, negation or exclusions — and says so in
// its header; import turns each leaf list into one rule of a signal file that can be dropped into
// a codebook's signals/ folder.
import { parse, stringify } from 'yaml';
import type { SignalCategory } from '../types.js';
import type { Codebook } from './codebook.js';
import { expandPattern, type Phrase } from './pattern.js';

const MAX_ENTRIES_PER_RULE = 500;

/** The plain-glob forms of a phrase: alternatives and optional words spelled out, gaps dropped. */
function globsOf(phrase: Phrase): string[] {
  let out: string[] = [''];
  for (const slot of phrase) {
    if (slot.kind === 'gap') continue;
    const words = slot.terms.map((t) => t.text + (t.isPrefix ? '*' : ''));
    const next: string[] = [];
    for (const prefix of out) {
      for (const w of words) next.push(prefix ? `${prefix} ${w}` : w);
      if (slot.isOptional) next.push(prefix);
    }
    out = next.slice(0, MAX_ENTRIES_PER_RULE);
  }
  return out.filter((s) => s !== '');
}

function globList(
  patterns: readonly string[] | undefined,
  lexicon: Readonly<Record<string, readonly string[]>>,
): string[] {
  const out = new Set<string>();
  for (const pattern of patterns ?? []) {
    for (const phrase of expandPattern(pattern, lexicon)) for (const g of globsOf(phrase)) out.add(g);
  }
  return [...out].slice(0, MAX_ENTRIES_PER_RULE);
}

/** The codebook's signal and position rules as a quanteda YAML dictionary. */
export function codebookToQuanteda(codebook: Codebook): string {
  const dict: Record<string, Record<string, Record<string, unknown>>> = {};
  const lexiconOf = (lang: string) => codebook.languages[lang]?.lexicon ?? {};
  for (const set of codebook.signals) {
    const bySignal = dict[set.signal] ?? {};
    dict[set.signal] = bySignal;
    for (const [lang, rules] of Object.entries(set.rules)) {
      const byLang = bySignal[lang] ?? {};
      bySignal[lang] = byLang;
      for (const rule of rules) {
        byLang[rule.id] = rule.near
          ? { a: globList(rule.near.a, lexiconOf(lang)), b: globList(rule.near.b, lexiconOf(lang)) }
          : globList(rule.any, lexiconOf(lang));
      }
    }
  }
  const positions: Record<string, Record<string, unknown>> = {};
  for (const position of codebook.positions) {
    const byKey = positions[position.key] ?? {};
    positions[position.key] = byKey;
    for (const [lang, rules] of Object.entries(position.rules)) {
      byKey[lang] = [
        ...new Set(
          rules.flatMap((r) =>
            r.near ? [...globList(r.near.a, lexiconOf(lang))] : globList(r.any, lexiconOf(lang)),
          ),
        ),
      ];
    }
  }
  const header = [
    `# quanteda dictionary exported from the Overture codebook ${codebook.version}.`,
    '# Lossy: gaps (~N) are dropped, proximity rules become their two lists (a, b), and negation,',
    '# exclusions, required co-occurrence and speaker attribution are not representable.',
  ].join('\n');
  return `${header}\n${stringify({ ...dict, position: positions }, { lineWidth: 0 })}`;
}

export interface QuantedaImport {
  /** The signal file (YAML text) for the codebook's signals/ folder. */
  yaml: string;
  rules: number;
  skipped: Array<{ key: string; pattern: string; reason: string }>;
}

function slug(path: readonly string[]): string {
  const s = path
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9]/.test(s) ? s : `key-${s || 'root'}`;
}

/** Reasons a quanteda glob cannot be a pattern of the rule language, or null when it can. */
function globProblem(glob: string): string | null {
  if (/[|[\]~$()]/.test(glob)) return 'holds a character the rule language reserves (| [ ] ~ $ ( ))';
  if (/\?/.test(glob)) return 'single-character wildcards (?) are not supported';
  for (const word of glob.trim().split(/\s+/)) {
    if (word.slice(0, -1).includes('*')) return 'a star may only end a word';
  }
  return glob.trim() === '' ? 'empty pattern' : null;
}

/** Turns a quanteda YAML dictionary into one signal file: each leaf list becomes a rule. */
export function quantedaToSignalFile(
  text: string,
  options: { signal: SignalCategory; lang: string; source: string },
): QuantedaImport {
  const data: unknown = parse(text);
  const skipped: QuantedaImport['skipped'] = [];
  const rules: Array<Record<string, unknown>> = [];
  const ids = new Set<string>();
  const walk = (node: unknown, path: string[]) => {
    if (Array.isArray(node)) {
      const key = path.join('.') || '(root)';
      const any: string[] = [];
      for (const item of node) {
        const glob = String(item);
        const problem = globProblem(glob);
        if (problem) skipped.push({ key, pattern: glob, reason: problem });
        else {
          try {
            expandPattern(glob);
            any.push(glob.trim());
          } catch (error) {
            skipped.push({
              key,
              pattern: glob,
              reason: error instanceof Error ? error.message : String(error),
            });
          }
        }
      }
      if (any.length === 0) return;
      let id = slug(path);
      for (let k = 2; ids.has(id); k++) id = `${slug(path)}-${k}`;
      ids.add(id);
      rules.push({
        id,
        any,
        rationale: `Imported from the quanteda dictionary ${options.source}, key ${key}.`,
        example: `(imported from ${options.source}; add an example sentence)`,
      });
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, [...path, k]);
      return;
    }
    if (typeof node === 'string') walk([node], path);
  };
  walk(data, []);
  const file = {
    signal: options.signal,
    description: `Rules imported from the quanteda dictionary ${options.source}.`,
    rules: { [options.lang]: rules },
  };
  return { yaml: stringify(file, { lineWidth: 0 }), rules: rules.length, skipped };
}
