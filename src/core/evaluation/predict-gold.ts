// Runs a coder over the texts of a gold set and reduces what it coded to what the gold set
// records: the set of signals of the statement (a gold text the segmenter splits is scored as a
// whole), the position keys with their stances, and the evidence behind each signal.
import type { Coder } from '../coding/coder.js';
import type { CodedStatement, SignalCategory } from '../types.js';
import type { Prediction } from './evaluate.js';
import type { GoldItem, PositionClaim } from './parse-gold.js';

export function predictionFromStatements(id: string, statements: readonly CodedStatement[]): Prediction {
  const evidence: Partial<Record<SignalCategory, string[]>> = {};
  const positions = new Map<string, PositionClaim>();
  for (const statement of statements) {
    for (const code of statement.signals) {
      const rules = evidence[code.signal] ?? [];
      for (const e of code.evidence) if (!rules.includes(e.rule)) rules.push(e.rule);
      evidence[code.signal] = rules;
      if (code.signal === 'position' && code.position !== null && code.stance !== null) {
        positions.set(`${code.position}/${code.stance}`, { key: code.position, stance: code.stance });
      }
    }
  }
  return {
    id,
    signals: Object.keys(evidence) as SignalCategory[],
    positions: [...positions.values()],
    evidence,
  };
}

/** The coder's prediction for every gold item (no default speaker: the text alone counts). */
export function predictGold(coder: Pick<Coder, 'code'>, items: readonly GoldItem[]): Prediction[] {
  return items.map((item) =>
    predictionFromStatements(item.id, coder.code({ text: item.text, lang: item.lang, defaultSpeaker: null })),
  );
}
