// The source network behind the echo chains, for Gephi-style tools: an edge u → v says that v
// carried an item after u had it, within a window — the cascade reading of diffusion (each
// item's sources ordered by first appearance form a cascade; Gomez-Rodriguez, Leskovec & Krause,
// "Inferring networks of diffusion and influence", KDD 2010, infer the network from such
// cascades; we only count them). Each later source is linked to its nearest earlier sources
// only, so an item carried by hundreds of sources adds hundreds of edges, not tens of thousands.
import type { EchoChain } from './echo.js';
import { median } from './quantile.js';

const round2 = (x: number): number => Math.round(x * 100) / 100;

export interface NetworkNode {
  id: string;
  camp: string;
  /** Items the source carried. */
  items: number;
  /** Items it was the first to carry. */
  firsts: number;
  statements: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Items the target carried after the source. */
  weight: number;
  medianLagHours: number;
}

export interface SourceNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface NetworkOptions {
  /** Earlier sources further back than this do not link (hours). */
  windowHours?: number;
  /** Each later source links to at most this many of the nearest earlier ones. */
  maxPredecessors?: number;
}

export function buildSourceNetwork(
  chains: readonly EchoChain[],
  options: NetworkOptions = {},
): SourceNetwork {
  const windowHours = options.windowHours ?? 168;
  const maxPredecessors = options.maxPredecessors ?? 5;
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, { source: string; target: string; lags: number[] }>();
  for (const chain of chains) {
    const sources = chain.chain.flatMap((link) => link.sources).sort((a, b) => a.lagHours - b.lagHours);
    sources.forEach((s, i) => {
      const node = nodes.get(s.source) ?? { id: s.source, camp: s.camp, items: 0, firsts: 0, statements: 0 };
      node.items++;
      node.statements += s.count;
      if (i === 0) node.firsts++;
      nodes.set(s.source, node);
      let linked = 0;
      for (let j = i - 1; j >= 0 && linked < maxPredecessors; j--) {
        const earlier = sources[j]!;
        const lag = s.lagHours - earlier.lagHours;
        if (lag > windowHours) break;
        if (lag <= 0) continue;
        linked++;
        const key = `${earlier.source}\u0000${s.source}`;
        const edge = edges.get(key) ?? { source: earlier.source, target: s.source, lags: [] };
        edge.lags.push(lag);
        edges.set(key, edge);
      }
    });
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: [...edges.values()]
      .map((e) => ({
        source: e.source,
        target: e.target,
        weight: e.lags.length,
        medianLagHours: round2(median(e.lags)),
      }))
      .sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1)),
  };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** GraphML 1.0 (http://graphml.graphdrawing.org/), directed, with the node and edge attributes declared. */
export function networkToGraphml(network: SourceNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="camp" for="node" attr.name="camp" attr.type="string"/>',
    '  <key id="items" for="node" attr.name="items" attr.type="int"/>',
    '  <key id="firsts" for="node" attr.name="firsts" attr.type="int"/>',
    '  <key id="statements" for="node" attr.name="statements" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="median_lag_hours" for="edge" attr.name="median_lag_hours" attr.type="double"/>',
    '  <graph id="echo" edgedefault="directed">',
  ];
  for (const node of network.nodes) {
    lines.push(
      `    <node id="${escapeXml(node.id)}"><data key="camp">${escapeXml(node.camp)}</data><data key="items">${node.items}</data>` +
        `<data key="firsts">${node.firsts}</data><data key="statements">${node.statements}</data></node>`,
    );
  }
  network.edges.forEach((edge, i) => {
    lines.push(
      `    <edge id="e${i}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
        `<data key="weight">${edge.weight}</data><data key="median_lag_hours">${edge.medianLagHours}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** The JSON export: nodes and edges with snake_case attributes (what d3 / Gephi JSON importers take). */
export function networkToJson(network: SourceNetwork) {
  return {
    directed: true,
    nodes: network.nodes.map((n) => ({
      id: n.id,
      camp: n.camp,
      items: n.items,
      firsts: n.firsts,
      statements: n.statements,
    })),
    edges: network.edges.map((e) => ({
      source: e.source,
      target: e.target,
      weight: e.weight,
      median_lag_hours: e.medianLagHours,
    })),
  };
}
