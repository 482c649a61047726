// The amplification summary of an episode from its echo chains: of the formulas its speakers
// used, how many reached each camp, how fast, and which sources of the other side carried them.
// "Reach into the other side" is the share of formulas that some source of another side picked
// up — the echo the model of DESIGN.md (point 4) expects from sympathetic voices in the
// opponent's camp. (camp-amplification.ts measures the same point on signal rates; this file
// measures it on the formulas themselves.)
import type { EchoChain } from './echo.js';
import { median } from './quantile.js';

const round2 = (x: number): number => Math.round(x * 100) / 100;

export interface CampReach {
  camp: string;
  /** Formulas that reached the camp. */
  items: number;
  medianLagHours: number;
}

export interface SourceReach {
  source: string;
  camp: string;
  items: number;
  medianLagHours: number;
}

export interface AmplificationSummary {
  items: number;
  /** The sides of the origin camps (the part of a camp name before its first '-': `ru`, `west`). */
  originSides: string[];
  camps: CampReach[];
  /** Formulas that reached a camp of another side, and their share of all. */
  crossSideItems: number;
  crossSideShare: number | null;
  /** Sources of other sides that carried the most formulas, soonest first on ties. */
  crossSideSources: SourceReach[];
}

/** `ru-state-media` → `ru`; a camp without a dash is its own side. `other` belongs to no side. */
export function sideOfCamp(camp: string): string {
  const dash = camp.indexOf('-');
  return dash < 0 ? camp : camp.slice(0, dash);
}

export function summarizeAmplification(chains: readonly EchoChain[], top = 10): AmplificationSummary {
  const originSides = new Set(chains.map((c) => sideOfCamp(c.first.camp)));
  const campLags = new Map<string, number[]>();
  const sourceLags = new Map<string, { camp: string; lags: number[] }>();
  let crossSideItems = 0;
  for (const chain of chains) {
    const origin = sideOfCamp(chain.first.camp);
    let crossed = false;
    for (const link of chain.chain) {
      const lags = campLags.get(link.camp) ?? [];
      lags.push(link.lagHours);
      campLags.set(link.camp, lags);
      const side = sideOfCamp(link.camp);
      if (side === origin || side === 'other') continue;
      crossed = true;
      for (const s of link.sources) {
        const entry = sourceLags.get(s.source) ?? { camp: s.camp, lags: [] };
        entry.lags.push(s.lagHours);
        sourceLags.set(s.source, entry);
      }
    }
    if (crossed) crossSideItems++;
  }
  const camps = [...campLags]
    .map(([camp, lags]) => ({ camp, items: lags.length, medianLagHours: round2(median(lags)) }))
    .sort((a, b) => a.medianLagHours - b.medianLagHours || b.items - a.items || (a.camp < b.camp ? -1 : 1));
  const crossSideSources = [...sourceLags]
    .map(([source, e]) => ({
      source,
      camp: e.camp,
      items: e.lags.length,
      medianLagHours: round2(median(e.lags)),
    }))
    .sort(
      (a, b) => b.items - a.items || a.medianLagHours - b.medianLagHours || (a.source < b.source ? -1 : 1),
    )
    .slice(0, top);
  return {
    items: chains.length,
    originSides: [...originSides].sort(),
    camps,
    crossSideItems,
    crossSideShare: chains.length > 0 ? crossSideItems / chains.length : null,
    crossSideSources,
  };
}
