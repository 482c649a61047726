// Who says what (CODING-GUIDE rules 1 and 13). A statement's reporting frames — a verb of saying
// with its subject («заявил Песков», "Zelensky said"), a frame whose speaker follows («по словам
// Лаврова», "according to Kuleba"), a name before a colon ("Zakharova: «…»"), a speech act
// ("Kyiv rejected the proposal") — each get a speaker, and each signal takes the frame that
// governs its evidence: the frame outside the quote that holds it, else the nearest frame before
// it, else the nearest after it. With no frame the document's default speaker speaks.
import type { ActorSpec } from '../codebook/schema.js';
import { sortSmall } from '../sort-small.js';
import type { TokenList } from '../text/tokenize.js';
import type { ActorMention, RuleHit, StatementAnalysis } from './analyze-statement.js';

/** Adjacent mentions naming one actor ("Kremlin spokesman Dmitry Peskov"): the person wins. */
export interface MentionGroup {
  readonly actor: number;
  readonly start: number;
  readonly end: number;
}

export interface Frame {
  readonly kind: 'verb' | 'frame' | 'colon' | 'act' | 'accusation';
  /** Token range of the cue (the verb, the frame words, or the name before the colon). */
  readonly start: number;
  readonly end: number;
  readonly speaker: MentionGroup | null;
}

export interface Attribution {
  readonly speaker: string | null;
  readonly frame: Frame | null;
  readonly reason: string;
}

const BACK_WINDOW = 6;
const FORWARD_WINDOW = 4;

/**
 * `isCue[k]` marks reporting verbs and frames: a title and a name join only when nothing but
 * their own words stands between them, title first ("Russian Foreign Minister Sergei Lavrov").
 */
export function groupMentions(
  mentions: readonly ActorMention[],
  actors: readonly ActorSpec[],
  tokens: TokenList,
  isCue: readonly boolean[] = [],
): MentionGroup[] {
  // Longest first, then drop mentions inside a longer one («президент России» is not also «Россия»).
  const sorted = sortSmall([...mentions], (a, b) => a.start - b.start || b.end - a.end);
  const kept: ActorMention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.start >= last.start && m.end <= last.end) continue;
    kept.push(m);
  }
  const groups: MentionGroup[] = [];
  for (const m of kept) {
    const last = groups[groups.length - 1];
    const kind = (i: number) => actors[i]?.kind ?? 'person';
    let joinable =
      last !== undefined &&
      m.start - last.end <= 2 &&
      m.start >= last.end &&
      !hasStrongBreak(tokens, last.end - 1, m.start + 1) &&
      kind(m.actor) === 'person' &&
      kind(last.actor) !== 'person';
    for (let k = last?.end ?? 0; joinable && k < m.start; k++) if (isCue[k]) joinable = false;
    if (joinable && last) groups[groups.length - 1] = { actor: m.actor, start: last.start, end: m.end };
    else groups.push({ actor: m.actor, start: m.start, end: m.end });
  }
  return groups;
}

/** True when a break of strength 2 stands before any token in (from, to). */
function hasStrongBreak(tokens: TokenList, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if ((tokens.breakBefore[k] ?? 0) >= 2) return true;
  return false;
}

function before(groups: readonly MentionGroup[], tokens: TokenList, at: number): MentionGroup | null {
  let best: MentionGroup | null = null;
  for (const g of groups) {
    if (g.end > at || at - g.end > BACK_WINDOW) continue;
    if (hasStrongBreak(tokens, g.end - 1, at + 1)) continue;
    if (!best || g.end > best.end) best = g;
  }
  return best;
}

function after(groups: readonly MentionGroup[], tokens: TokenList, at: number): MentionGroup | null {
  for (const g of groups) {
    if (g.start < at || g.start - at > FORWARD_WINDOW) continue;
    if (hasStrongBreak(tokens, at - 1, g.start + 1)) continue;
    return g;
  }
  return null;
}

export function findFrames(
  analysis: StatementAnalysis,
  groups: readonly MentionGroup[],
  text: string,
): Frame[] {
  const { tokens } = analysis;
  const frames: Frame[] = [];
  for (const v of analysis.verbs) {
    const back = before(groups, tokens, v.start);
    const next = after(groups, tokens, v.end);
    // «заявил Песков» / "said Peskov": a name right after the verb wins over one behind a comma.
    const preferNext =
      next !== null &&
      next.start === v.end &&
      (back === null || tokens.breakBefore.slice(back.end, v.start + 1).some((b) => b > 0));
    frames.push({ kind: 'verb', start: v.start, end: v.end, speaker: preferNext ? next : (back ?? next) });
  }
  for (const f of analysis.frames)
    frames.push({ kind: 'frame', start: f.start, end: f.end, speaker: after(groups, tokens, f.end) });
  for (const a of analysis.accusations) {
    frames.push({ kind: 'accusation', start: a.start, end: a.end, speaker: before(groups, tokens, a.start) });
  }
  for (const a of analysis.acts)
    frames.push({ kind: 'act', start: a.start, end: a.end, speaker: before(groups, tokens, a.start) });
  for (const g of groups) {
    const nextStart = tokens.starts[g.end];
    const gapStart = tokens.ends[g.end - 1];
    if (nextStart === undefined || gapStart === undefined) continue;
    if (text.slice(gapStart, nextStart).includes(':'))
      frames.push({ kind: 'colon', start: g.start, end: g.end, speaker: g });
  }
  return sortSmall(frames, (a, b) => a.start - b.start);
}

/** Token ranges [start, end) inside quotation marks. */
export function quotedRanges(
  tokens: TokenList,
  text: string,
  from: number,
  to: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pairs: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '"': '"' };
  let open: { closers: string; token: number } | null = null;
  for (let k = 0; k <= tokens.count; k++) {
    const gapStart = k === 0 ? from : (tokens.ends[k - 1] as number);
    const gapEnd = k === tokens.count ? to : (tokens.starts[k] as number);
    for (let i = gapStart; i < gapEnd; i++) {
      const ch = text[i] as string;
      if (open?.closers.includes(ch)) {
        ranges.push([open.token, k]);
        open = null;
      } else if (!open && pairs[ch] !== undefined) open = { closers: pairs[ch] as string, token: k };
    }
  }
  return ranges;
}

function name(actors: readonly ActorSpec[], group: MentionGroup | null): string | null {
  return group ? (actors[group.actor]?.id ?? null) : null;
}

/** The speaker of one hit. */
export function attributeSpeaker(
  hit: RuleHit,
  frames: readonly Frame[],
  quotes: ReadonlyArray<[number, number]>,
  actors: readonly ActorSpec[],
  defaultSpeaker: string | null,
): Attribution {
  const quote = quotes.find(([s, e]) => hit.start >= s && hit.end <= e);
  const outside = (f: Frame) => !quotes.some(([s, e]) => f.start >= s && f.end <= e);
  const said = frames.filter((f) => f.kind !== 'act' && outside(f));
  const from = (frame: Frame, why: string): Attribution => {
    const speaker = name(actors, frame.speaker);
    return { speaker, frame, reason: speaker ? why : `${why}, but its speaker is not a known actor` };
  };
  if (quote) {
    const [s, e] = quote;
    const afterQuote = said.find((f) => f.start >= e);
    const beforeQuote = said.findLast((f) => f.end <= s);
    const frame = afterQuote ?? beforeQuote;
    if (frame)
      return from(frame, `the evidence is quoted and the quote is attributed by a ${frame.kind} frame`);
  }
  // The subject of a speech act speaks for the act itself ("Kyiv rejected the proposal"); for a
  // signal aimed at someone (blame, labels) that subject is the target, not the speaker.
  const act =
    hit.rule.targetSide === 'none'
      ? frames.find((f) => f.kind === 'act' && f.start < hit.end && f.end >= hit.start - 2 && f.speaker)
      : undefined;
  if (act) return from(act, 'the evidence is a speech act of its subject');
  const within = said.find((f) => f.start >= hit.start && f.end <= hit.end);
  if (within) return from(within, `the evidence holds its own ${within.kind} frame`);
  const preceding = said.findLast((f) => f.end <= hit.start);
  if (preceding) return from(preceding, `the nearest ${preceding.kind} frame before the evidence`);
  const following = said.find((f) => f.start >= hit.end);
  if (following) return from(following, `the nearest ${following.kind} frame after the evidence`);
  return {
    speaker: defaultSpeaker,
    frame: null,
    reason: defaultSpeaker
      ? 'nobody is quoted: the document’s default speaker'
      : 'nobody is quoted and no default speaker was given',
  };
}
