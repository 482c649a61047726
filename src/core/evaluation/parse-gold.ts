// Gold sets: hand-coded statements, one JSON object per line, against which the coder is
// measured (test/gold/*.jsonl). Parsing is strict and names the line: a gold set with a typo in a
// category would silently score the coder against nothing.
import { OvertureError } from '../errors.js';
import { type Lang, SIGNALS, type SignalCategory, STANCES, type Stance } from '../types.js';

export interface PositionClaim {
  readonly key: string;
  readonly stance: Stance;
}

export interface GoldItem {
  readonly id: string;
  readonly text: string;
  readonly lang: Lang;
  /** The categories the statement carries, each once; empty for none. */
  readonly signals: readonly SignalCategory[];
  readonly positions: readonly PositionClaim[];
}

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const LANG = /^[a-z]{2,3}$/;
const FIELDS = new Set(['id', 'text', 'lang', 'signals', 'positions']);

function fail(source: string, line: number, what: string, expected: string): never {
  throw new OvertureError(
    'invalid-input',
    `invalid gold item in ${source} line ${line}: ${what} (expected ${expected})`,
  );
}

function parseItem(raw: unknown, source: string, line: number): GoldItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(source, line, `got ${JSON.stringify(raw)}`, 'an object with id, text, lang, signals and positions');
  }
  const o = raw as Record<string, unknown>;
  for (const field of Object.keys(o)) {
    if (!FIELDS.has(field))
      fail(source, line, `unknown field "${field}"`, 'only id, text, lang, signals, positions');
  }
  if (typeof o.id !== 'string' || o.id.trim() === '')
    fail(source, line, `"id" is ${JSON.stringify(o.id)}`, 'a non-empty string');
  if (typeof o.text !== 'string' || o.text.trim() === '') {
    fail(source, line, `"text" is ${JSON.stringify(o.text)}`, 'a non-empty string');
  }
  if (typeof o.lang !== 'string' || !LANG.test(o.lang)) {
    fail(source, line, `"lang" is ${JSON.stringify(o.lang)}`, 'a language code such as ru, uk or en');
  }
  if (!Array.isArray(o.signals))
    fail(source, line, `"signals" is ${JSON.stringify(o.signals)}`, 'an array, [] for none');
  const signals: SignalCategory[] = [];
  for (const s of o.signals) {
    if (!(SIGNALS as readonly unknown[]).includes(s)) {
      fail(source, line, `"signals" has ${JSON.stringify(s)}`, `one of ${SIGNALS.join(', ')}`);
    }
    if (signals.includes(s as SignalCategory))
      fail(source, line, `"signals" has ${JSON.stringify(s)} twice`, 'each signal once');
    signals.push(s as SignalCategory);
  }
  const rawPositions = o.positions ?? [];
  if (!Array.isArray(rawPositions))
    fail(source, line, `"positions" is ${JSON.stringify(rawPositions)}`, 'an array');
  const positions: PositionClaim[] = rawPositions.map((p: unknown, k: number) => {
    const pos = p as Record<string, unknown> | null;
    if (typeof pos !== 'object' || pos === null || typeof pos.key !== 'string' || !KEY.test(pos.key)) {
      fail(
        source,
        line,
        `"positions[${k}]" is ${JSON.stringify(p)}`,
        'an object with a kebab-case "key" and a "stance"',
      );
    }
    if (!(STANCES as readonly unknown[]).includes(pos.stance)) {
      fail(
        source,
        line,
        `"positions[${k}].stance" is ${JSON.stringify(pos.stance)}`,
        `one of ${STANCES.join(', ')}`,
      );
    }
    return { key: pos.key, stance: pos.stance as Stance };
  });
  if (positions.length > 0 && !signals.includes('position')) {
    fail(
      source,
      line,
      '"positions" given but "signals" lacks "position"',
      'the position signal with its keys',
    );
  }
  return { id: o.id, text: o.text, lang: o.lang, signals, positions };
}

/** Parses a gold set; `source` names the file in error messages. Blank lines are skipped. */
export function parseGold(text: string, source: string): GoldItem[] {
  const items: GoldItem[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      fail(source, line, `not JSON: ${JSON.stringify(content.slice(0, 60))}`, 'one JSON object per line');
    }
    const item = parseItem(raw, source, line);
    const first = seen.get(item.id);
    if (first !== undefined)
      fail(source, line, `id "${item.id}" was already used on line ${first}`, 'unique ids');
    seen.set(item.id, line);
    items.push(item);
  });
  if (items.length === 0)
    throw new OvertureError(
      'invalid-input',
      `gold set ${source} is empty (expected one JSON object per line)`,
    );
  return items;
}
