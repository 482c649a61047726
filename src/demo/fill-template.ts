// Turns a language bank into compiled templates once, then fills a template with seeded choices:
// the sentence text and the signals it is meant to carry, resolved to actor ids and position
// keys. Compiling first keeps filling cheap enough for the benchmark corpus (millions of
// sentences a minute).
import type { Random } from './seeded-random.js';
import type { DemoLang, Filler, IntendedSignal, IntendedSpec, LanguageBank } from './template.js';

type Part =
  | { type: 'text'; text: string }
  | { type: 'slot'; slot: string; form: string }
  | { type: 'verb'; verbs: ReadonlyArray<readonly [string, string]> }
  | { type: 'num'; min: number; max: number; step: number };

export interface CompiledTemplate {
  /** `lang:kind:n`, n counting from 1 in the bank's order. */
  id: string;
  kind: string;
  lang: DemoLang;
  parts: readonly Part[];
  /** Slot name → its pool, in the order the slots first appear. */
  slots: ReadonlyArray<readonly [string, readonly Filler[]]>;
  /** The slot whose filler is the grammatical subject the reporting verbs agree with. */
  speakerSlot: string | null;
  specs: readonly IntendedSpec[];
}

export interface CompiledBank {
  lang: DemoLang;
  byKind: ReadonlyMap<string, readonly CompiledTemplate[]>;
  all: readonly CompiledTemplate[];
}

export interface FilledSentence {
  text: string;
  template: string;
  signals: IntendedSignal[];
}

const SLOT = /\{([^{}]+)\}/g;

export function compileBank(bank: LanguageBank): CompiledBank {
  const byKind = new Map<string, CompiledTemplate[]>();
  const all: CompiledTemplate[] = [];
  for (const [kind, entries] of Object.entries(bank.templates)) {
    const compiled = entries.map(([text, specs], index) =>
      compileTemplate(bank, `${bank.lang}:${kind}:${index + 1}`, kind, text, specs),
    );
    byKind.set(kind, compiled);
    all.push(...compiled);
  }
  return { lang: bank.lang, byKind, all };
}

function compileTemplate(
  bank: LanguageBank,
  id: string,
  kind: string,
  text: string,
  specs: readonly IntendedSpec[],
): CompiledTemplate {
  const parts: Part[] = [];
  const slots = new Map<string, readonly Filler[]>();
  let speakerSlot: string | null = null;
  let last = 0;
  for (const match of text.matchAll(SLOT)) {
    const index = match.index;
    if (index > last) parts.push({ type: 'text', text: text.slice(last, index) });
    last = index + match[0].length;
    const body = match[1] as string;
    const num = /^num:(\d+)-(\d+)(?:x(\d+))?$/.exec(body);
    if (num) {
      parts.push({ type: 'num', min: Number(num[1]), max: Number(num[2]), step: Number(num[3] ?? 1) });
      continue;
    }
    const verbs = bank.verbs[body];
    if (verbs) {
      parts.push({ type: 'verb', verbs });
      continue;
    }
    const [slot, form = 'nom'] = body.split('.') as [string, string?];
    const pool = bank.pools[slot.replace(/\d+$/, '')];
    if (!pool || pool.length === 0) throw new Error(`template ${id}: unknown slot {${body}}`);
    if (!pool.every((filler) => filler.forms[form] !== undefined)) {
      throw new Error(`template ${id}: slot {${body}} has fillers without the form "${form}"`);
    }
    if (!slots.has(slot)) {
      slots.set(slot, pool);
      if (speakerSlot === null && pool.every((filler) => filler.actor !== undefined)) speakerSlot = slot;
    }
    parts.push({ type: 'slot', slot, form });
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) });
  for (const spec of specs) {
    for (const ref of [spec.speaker, spec.target, spec.position]) {
      if (ref?.startsWith('$') && !slots.has(ref.slice(1))) {
        throw new Error(`template ${id}: signal refers to ${ref}, which is not a slot of the text`);
      }
    }
  }
  return { id, kind, lang: bank.lang, parts, slots: [...slots], speakerSlot, specs };
}

export function fillTemplate(template: CompiledTemplate, random: Random): FilledSentence {
  const chosen = new Map<string, Filler>();
  for (const [slot, pool] of template.slots) chosen.set(slot, chooseFiller(slot, pool, chosen, random));
  const subject = template.speakerSlot === null ? undefined : chosen.get(template.speakerSlot);
  let text = '';
  for (const part of template.parts) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'slot') text += (chosen.get(part.slot) as Filler).forms[part.form];
    else if (part.type === 'verb') {
      const [masculine, feminine] = random.pick(part.verbs);
      text += subject?.female ? feminine : masculine;
    } else text += String(random.int(part.min, part.max) * part.step);
  }
  return {
    text: capitalizeFirstLetter(text),
    template: template.id,
    signals: template.specs.map((spec) => resolveSpec(spec, chosen)),
  };
}

/** `{demand2}` draws from the pool of `{demand}` but never repeats a value another slot holds. */
function chooseFiller(
  slot: string,
  pool: readonly Filler[],
  chosen: ReadonlyMap<string, Filler>,
  random: Random,
): Filler {
  const poolName = slot.replace(/\d+$/, '');
  const taken = [...chosen].filter(([other]) => other.replace(/\d+$/, '') === poolName).map(([, f]) => f);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const filler = random.pick(pool);
    if (!taken.some((other) => sameValue(other, filler))) return filler;
  }
  return random.pick(pool);
}

function sameValue(a: Filler, b: Filler): boolean {
  if (a.key !== undefined || b.key !== undefined) return a.key === b.key;
  if (a.actor !== undefined || b.actor !== undefined) return a.actor === b.actor;
  return Object.values(a.forms)[0] === Object.values(b.forms)[0];
}

function resolveSpec(spec: IntendedSpec, chosen: ReadonlyMap<string, Filler>): IntendedSignal {
  return {
    signal: spec.signal,
    speaker: resolveActor(spec.speaker, chosen),
    target: spec.target === undefined ? null : resolveActor(spec.target, chosen),
    position: spec.position === undefined ? null : resolveKey(spec.position, chosen),
    stance: spec.stance ?? null,
  };
}

function resolveActor(ref: string, chosen: ReadonlyMap<string, Filler>): string | null {
  if (ref === 'source') return null;
  if (!ref.startsWith('$')) return ref;
  return chosen.get(ref.slice(1))?.actor ?? null;
}

function resolveKey(ref: string, chosen: ReadonlyMap<string, Filler>): string | null {
  if (!ref.startsWith('$')) return ref;
  return chosen.get(ref.slice(1))?.key ?? null;
}

/** Sentence-initial capital after any opening quotes ("the German chancellor said…" → "The…"). */
function capitalizeFirstLetter(text: string): string {
  const index = text.search(/\p{L}/u);
  if (index < 0) return text;
  return text.slice(0, index) + (text[index] as string).toUpperCase() + text.slice(index + 1);
}
