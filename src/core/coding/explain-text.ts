// Why a text was coded the way it was, for `overture explain` and for the dashboard: the folded
// form, the sentence split, the words each rule matched, each rule that fired with its
// rationale and example, the negations and exclusions applied, the speaker and why, and each
// code with its evidence. Everything here is read back from the analysis the coder ran; nothing
// is recomputed differently.
import { foldText } from '../text/fold.js';
import type { CodeInput, ExplainingCoder } from './coder.js';

export interface RuleExplanation {
  rule: string;
  signal: string;
  /** The signal coded, when a negation flipped the rule to another. */
  coded: string;
  matched: Array<{ text: string; start: number; end: number }>;
  negatedBy: string | null;
  rationale: string;
  example: string;
  speaker: string | null;
  speakerReason: string | null;
  target: string | null;
  targetReason: string | null;
  stance: string | null;
  stanceReason: string | null;
  dropped: string | null;
}

export interface StatementReport {
  start: number;
  end: number;
  text: string;
  tokens: string[];
  actors: Array<{ actor: string; text: string }>;
  frames: Array<{ kind: string; text: string; speaker: string | null }>;
  fired: RuleExplanation[];
  suppressed: Array<{ rule: string; reason: string; detail: string }>;
  exclusions: Array<{ exclusion: string; text: string; rationale: string }>;
  codes: Array<{
    signal: string;
    speaker: string | null;
    target: string | null;
    position: string | null;
    stance: string | null;
    confidence: number;
    origin: string;
    evidence: Array<{ rule: string; start: number; end: number }>;
  }>;
}

export interface Explanation {
  version: string;
  lang: string;
  defaultSpeaker: string | null;
  folded: string;
  statements: StatementReport[];
}

export function explainText(coder: ExplainingCoder, input: CodeInput): Explanation {
  const { text } = input;
  const actors = coder.compiled.actors;
  const slice = (start: number, end: number) => text.slice(start, end);
  const statements = coder.explain(input).map(({ statement, analysis, coding }): StatementReport => {
    const { tokens } = analysis;
    const tokenText = (from: number, to: number) => slice(tokens.starts[from] ?? 0, tokens.ends[to - 1] ?? 0);
    const fired = coding.traces.map((trace): RuleExplanation => {
      const { hit } = trace;
      return {
        rule: hit.rule.id,
        signal: hit.rule.signal,
        coded: hit.signal,
        matched: hit.parts.map((p) => ({
          text: tokenText(p.start, p.end),
          start: tokens.starts[p.start] ?? 0,
          end: tokens.ends[p.end - 1] ?? 0,
        })),
        negatedBy: hit.negator >= 0 ? tokenText(hit.negator, hit.negator + 1) : null,
        rationale: hit.rule.spec.rationale,
        example: hit.rule.spec.example,
        speaker: trace.attribution?.speaker ?? null,
        speakerReason: trace.attribution?.reason ?? null,
        target: trace.target?.target ?? null,
        targetReason: trace.target?.reason ?? null,
        stance: trace.stance,
        stanceReason: trace.stanceReason,
        dropped: trace.dropped,
      };
    });
    return {
      start: statement.start,
      end: statement.end,
      text: statement.text,
      tokens: tokens.norms,
      actors: analysis.actors.map((m) => ({
        actor: actors[m.actor]?.id ?? '?',
        text: tokenText(m.start, m.end),
      })),
      frames: coding.frames.map((f) => ({
        kind: f.kind,
        text: tokenText(f.start, f.end),
        speaker: f.speaker ? (actors[f.speaker.actor]?.id ?? null) : null,
      })),
      fired,
      suppressed: analysis.suppressed.map((s) => ({ rule: s.rule.id, reason: s.reason, detail: s.detail })),
      exclusions: analysis.exclusions.map((e) => ({
        exclusion: e.exclusion.id,
        text: tokenText(e.occurrence.start, e.occurrence.end),
        rationale: e.exclusion.rationale,
      })),
      codes: statement.signals.map((c) => ({
        signal: c.signal,
        speaker: c.speaker,
        target: c.target,
        position: c.position,
        stance: c.stance,
        confidence: c.confidence,
        origin: c.origin,
        evidence: c.evidence,
      })),
    };
  });
  return {
    version: coder.version,
    lang: input.lang,
    defaultSpeaker: input.defaultSpeaker,
    folded: foldText(text),
    statements,
  };
}

/** The explanation as text for a terminal. */
export function renderExplanation(e: Explanation): string {
  const lines: string[] = [];
  lines.push(`codebook ${e.version} · language ${e.lang} · default speaker ${e.defaultSpeaker ?? '(none)'}`);
  lines.push(`folded: ${e.folded}`);
  lines.push(`${e.statements.length} statement(s)`);
  e.statements.forEach((s, i) => {
    lines.push('');
    lines.push(`[${i + 1}] ${s.start}–${s.end}: ${s.text}`);
    lines.push(`    words: ${s.tokens.join(' ')}`);
    if (s.actors.length > 0)
      lines.push(`    actors named: ${s.actors.map((a) => `${a.actor} («${a.text}»)`).join(', ')}`);
    for (const f of s.frames)
      lines.push(
        `    reporting frame: ${f.kind} «${f.text}» → speaker ${f.speaker ?? '(not a known actor)'}`,
      );
    for (const x of s.exclusions) lines.push(`    exclusion ${x.exclusion} on «${x.text}»: ${x.rationale}`);
    for (const r of s.fired) {
      const where = r.matched.map((m) => `«${m.text}» ${m.start}–${m.end}`).join(' + ');
      lines.push(`    rule ${r.rule} matched ${where}`);
      if (r.negatedBy)
        lines.push(`      negated by «${r.negatedBy}»: coded ${r.coded} instead of ${r.signal}`);
      lines.push(`      why this rule: ${r.rationale}`);
      lines.push(`      example: ${r.example}`);
      if (r.dropped) {
        lines.push(`      no code: ${r.dropped}`);
        continue;
      }
      lines.push(`      speaker ${r.speaker ?? '(none)'}: ${r.speakerReason}`);
      if (r.target !== null || (r.targetReason && !r.targetReason.startsWith('the signal takes'))) {
        lines.push(`      target ${r.target ?? '(none)'}: ${r.targetReason}`);
      }
      if (r.stance) lines.push(`      stance ${r.stance}: ${r.stanceReason}`);
    }
    for (const x of s.suppressed) lines.push(`    not applied: ${x.rule} (${x.reason}: ${x.detail})`);
    if (s.codes.length === 0) lines.push('    codes: none');
    for (const c of s.codes) {
      const parts = [
        c.signal,
        `speaker=${c.speaker ?? '-'}`,
        c.target ? `target=${c.target}` : '',
        c.position ? `position=${c.position}/${c.stance}` : '',
        `confidence=${c.confidence.toFixed(2)}`,
        c.origin === 'model' ? '(model)' : '',
      ].filter((p) => p !== '');
      lines.push(`    code: ${parts.join(' ')}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
