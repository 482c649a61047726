// Echo chains: for one item (a formula, a signal, a near-duplicate cluster), where it first
// appeared, the order in which camps picked it up (`ru-official → ru-state-media → ru-milblog →
// west-commentary`), how long each camp took, and which sources echoed it soonest and most.
// Lags are measured from the item's first appearance anywhere, so a camp's lag reads as "hours
// after the origin", not "hours after the previous camp".
import type { Sighting } from './sightings.js';

const MS_PER_HOUR = 3_600_000;

export interface EchoSource {
  source: string;
  camp: string;
  firstTime: number;
  lagHours: number;
  count: number;
}

export interface EchoLink {
  camp: string;
  firstTime: number;
  lagHours: number;
  /** The camp's sources, in order of first appearance. */
  sources: EchoSource[];
}

export interface EchoChain {
  item: string;
  first: { source: string; camp: string; time: number };
  /** Camps in order of first appearance; the first camp's lag is 0. */
  chain: EchoLink[];
  /** Sources other than the origin, soonest first (at most `top`). */
  soonest: EchoSource[];
  /** Sources by statements carrying the item, most first (at most `top`). */
  most: EchoSource[];
  statements: number;
  sources: number;
  langs: string[];
}

export interface EchoChainOptions {
  /** How many sources `soonest` and `most` list. */
  top?: number;
}

/** Sorts by time, breaking ties by name so that equal inputs give equal chains. */
function bySourceTime(a: EchoSource, b: EchoSource): number {
  return a.firstTime - b.firstTime || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
}

/** One chain per item, widest reach first (camps, then sources, then earliest origin). */
export function buildEchoChains(sightings: readonly Sighting[], options: EchoChainOptions = {}): EchoChain[] {
  const top = options.top ?? 5;
  const byItem = new Map<string, Sighting[]>();
  for (const sighting of sightings) {
    const list = byItem.get(sighting.item);
    if (list === undefined) byItem.set(sighting.item, [sighting]);
    else list.push(sighting);
  }
  const chains = [...byItem].map(([item, list]) => buildEchoChain(item, list, top));
  return chains.sort(
    (a, b) =>
      b.chain.length - a.chain.length ||
      b.sources - a.sources ||
      a.first.time - b.first.time ||
      (a.item < b.item ? -1 : a.item > b.item ? 1 : 0),
  );
}

/** The chain of one item from its sightings (one or more per source; repeats are merged). */
export function buildEchoChain(item: string, sightings: readonly Sighting[], top = 5): EchoChain {
  const perSource = new Map<string, { camp: string; firstTime: number; count: number }>();
  const langs = new Set<string>();
  for (const s of sightings) {
    for (const lang of s.langs ?? []) langs.add(lang);
    const seen = perSource.get(s.source);
    if (seen === undefined) perSource.set(s.source, { camp: s.camp, firstTime: s.firstTime, count: s.count });
    else {
      seen.count += s.count;
      if (s.firstTime < seen.firstTime) {
        seen.firstTime = s.firstTime;
        seen.camp = s.camp;
      }
    }
  }
  if (perSource.size === 0) throw new RangeError(`no sightings of ${item}`);
  const sources = [...perSource].map(([source, s]) => ({
    source,
    camp: s.camp,
    firstTime: s.firstTime,
    count: s.count,
    lagHours: 0,
  }));
  sources.sort(bySourceTime);
  const origin = sources[0]!;
  for (const s of sources) s.lagHours = (s.firstTime - origin.firstTime) / MS_PER_HOUR;

  const links = new Map<string, EchoLink>();
  for (const s of sources) {
    const link = links.get(s.camp);
    if (link === undefined)
      links.set(s.camp, { camp: s.camp, firstTime: s.firstTime, lagHours: s.lagHours, sources: [s] });
    else link.sources.push(s);
  }
  const most = [...sources].sort((a, b) => b.count - a.count || bySourceTime(a, b)).slice(0, top);
  return {
    item,
    first: { source: origin.source, camp: origin.camp, time: origin.firstTime },
    chain: [...links.values()],
    soonest: sources.slice(1, 1 + top),
    most,
    statements: sources.reduce((sum, s) => sum + s.count, 0),
    sources: sources.length,
    langs: [...langs].sort(),
  };
}

/** `ru-official → ru-state-media → west-commentary` */
export function chainPath(chain: EchoChain): string {
  return chain.chain.map((link) => link.camp).join(' → ');
}

const roundHours = (hours: number): number => Math.round(hours * 100) / 100;
const iso = (ms: number): string => new Date(ms).toISOString();

function sourceJson(s: EchoSource) {
  return {
    source: s.source,
    camp: s.camp,
    first_time: iso(s.firstTime),
    lag_hours: roundHours(s.lagHours),
    count: s.count,
  };
}

/**
 * The documented JSON shape of one chain (README "analyze echo"): snake_case keys, ISO times, lags
 * in hours rounded to 0.01.
 */
export function echoChainJson(chain: EchoChain) {
  return {
    formula: chain.item,
    first: { source: chain.first.source, camp: chain.first.camp, time: iso(chain.first.time) },
    path: chainPath(chain),
    chain: chain.chain.map((link) => ({
      camp: link.camp,
      first_time: iso(link.firstTime),
      lag_hours: roundHours(link.lagHours),
      sources: link.sources.map(sourceJson),
    })),
    soonest: chain.soonest.map(sourceJson),
    most: chain.most.map(sourceJson),
    statements: chain.statements,
    sources: chain.sources,
    langs: chain.langs,
  };
}
export type EchoChainJson = ReturnType<typeof echoChainJson>;
