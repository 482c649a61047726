// The reason each codebook rule exists is data (a `rationale` on the rule, STYLE.md); the
// dashboard shows it next to the words the rule matched, so a reader can judge the code.
import type { Coder } from '../core/coding/coder.js';
import type { RuleRationale } from './api-deps.js';

interface RuleTable {
  compiled?: { rules: ReadonlyArray<{ id: string; spec: { rationale: string } }> };
}

export function ruleRationaleOf(coder: Coder & RuleTable): RuleRationale {
  const table = new Map<string, string>();
  for (const rule of coder.compiled?.rules ?? []) table.set(rule.id, rule.spec.rationale);
  return (ruleId) => {
    const rationale = table.get(ruleId);
    if (rationale !== undefined) return rationale;
    if (ruleId.startsWith('model:')) {
      return `Coded by the statistical model ${ruleId.slice(6)}: no codebook rule fired on this statement, so the whole statement is the evidence.`;
    }
    return null;
  };
}

export const NO_RATIONALE: RuleRationale = () => null;
