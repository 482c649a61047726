// Shared formulas: codebook phrases ("new territorial realities", «новые территориальные
// реалии», "the Istanbul basis") that fired in statements of many sources. A codebook rule id is
// `signal.lang.name` (DESIGN.md); the formula is the rule without its language, so that the
// Russian and the English rule of one formula count as one item travelling across languages —
// which is how a Kremlin phrase reaches Western commentary in translation.
import type { Sighting } from './sightings.js';

const LANGUAGE_SEGMENT = /^(?:[a-z]{2,3}|und|any|\*)$/;

/**
 * The formula a rule id names: `position.ru.new-territorial-realities` → `position.new-territorial-realities`.
 * A rule id without a language segment is its own formula; a model code (`model:…`) names none.
 */
export function formulaOfRule(rule: string): string | null {
  if (rule === '' || rule.startsWith('model:')) return null;
  const parts = rule.split('.');
  if (parts.length >= 3 && LANGUAGE_SEGMENT.test(parts[1]!)) parts.splice(1, 1);
  return parts.join('.');
}

/** True when a user's `--formula` value names this formula: the formula, one of its rule ids, or its last part. */
export function matchesFormula(formula: string, query: string): boolean {
  if (formula === query || formulaOfRule(query) === formula) return true;
  return formula.endsWith(`.${query}`);
}

/** A formula seen at a source: one fired rule (or the store's per-rule, per-source aggregate). */
export interface FormulaUse {
  rule: string;
  source: string;
  camp: string;
  lang?: string | null;
  /** Epoch milliseconds (UTC) of the (first) statement. */
  time: number;
  /** Statements this use stands for (an aggregate row); default 1. */
  count?: number;
}

/**
 * Folds rule uses into one sighting per (formula, source): the first time, the total count and
 * the languages. Model codes are dropped. The output is sorted by formula, then first time.
 */
export function formulaSightings(uses: Iterable<FormulaUse>): Sighting[] {
  const byKey = new Map<string, Sighting & { langSet: Set<string> }>();
  for (const use of uses) {
    const formula = formulaOfRule(use.rule);
    if (formula === null) continue;
    const key = `${formula}\u0000${use.source}`;
    const count = use.count ?? 1;
    const seen = byKey.get(key);
    if (seen === undefined) {
      const langSet = new Set<string>(use.lang ? [use.lang] : []);
      byKey.set(key, {
        item: formula,
        source: use.source,
        camp: use.camp,
        firstTime: use.time,
        count,
        langSet,
      });
    } else {
      seen.count += count;
      if (use.time < seen.firstTime) seen.firstTime = use.time;
      if (use.lang) seen.langSet.add(use.lang);
    }
  }
  return [...byKey.values()]
    .map(({ langSet, ...sighting }) => ({ ...sighting, langs: [...langSet].sort() }))
    .sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : a.firstTime - b.firstTime));
}
