// Streams statements (in time order) through MinHash + LSH and groups near-duplicates into
// clusters: the copies, rewrites and talking points that travel from one source to another.
// Single-linkage over verified links: a statement that shares a band key with a recent one, and
// whose signature sketch confirms the similarity, joins that one's cluster; otherwise it may
// start one. Memory is bounded by the options, not by the corpus: the band keys live in a
// fixed-size LshTable, the recent statements (metadata and sketches) in a ring, and the clusters
// are capped in number and in listed members.
import { LshTable } from './lsh-table.js';
import { bandKeys, DEFAULT_MINHASH, hashString, signatureOfTokens, wordTokens } from './minhash.js';
import type { Sighting } from './sightings.js';

export interface ClusterStatement {
  documentId: number;
  idx: number;
  source: string;
  camp: string;
  lang: string;
  /** Epoch milliseconds (UTC). */
  time: number;
  text: string;
}

export interface NearDuplicateOptions {
  shingleSize: number;
  /** bands × rows hash functions; the LSH threshold is near (1/bands)^(1/rows). */
  bands: number;
  rows: number;
  seed: number;
  /** A candidate joins only if its estimated Jaccard similarity reaches this. */
  minSimilarity: number;
  /** Statements with fewer words are too generic to call copies ("Thank you."): skipped. */
  minWords: number;
  /** log2 of the LSH table's slots (16 bytes each). */
  tableLog2: number;
  /** log2 of how many recent statements are kept for matching (about 30 + bands × rows bytes each). */
  recentLog2: number;
  /** Most clusters tracked at once; statements that would open more are counted, not kept. */
  maxClusters: number;
  /** Members listed per cluster (all are counted). */
  maxMembers: number;
}

// Word bigrams, 10 bands of 4 rows: the LSH threshold is (1/10)^(1/4) ≈ 0.56; a pair at Jaccard
// 0.75 is a candidate with p ≈ 0.98, at 0.5 with p ≈ 0.48, at 0.2 with p ≈ 0.016. Candidates are
// then checked on their 8-bit signature sketches (b-bit minwise hashing, Li & König, WWW 2010)
// against minSimilarity, so a chance band collision never merges two clusters. The defaults
// hold the last 262,144 statements for matching in about 85 MiB, whatever the corpus size.
export const DEFAULT_NEAR_DUPLICATE: NearDuplicateOptions = {
  shingleSize: 2,
  bands: 10,
  rows: 4,
  seed: DEFAULT_MINHASH.seed,
  minSimilarity: 0.5,
  minWords: 6,
  tableLog2: 22,
  recentLog2: 18,
  maxClusters: 100_000,
  maxMembers: 20,
};

export interface ClusterMember {
  documentId: number;
  idx: number;
  source: string;
  time: number;
}

export interface NearDuplicateCluster {
  /** `dup:<documentId>.<idx>` of the cluster's first statement. */
  id: string;
  lang: string;
  /** The text of the first copy seen (the leader's own text is no longer held when it is matched). */
  text: string;
  size: number;
  members: ClusterMember[];
  sightings: Sighting[];
}

export interface NearDuplicateStats {
  statements: number;
  skippedShort: number;
  clustered: number;
  clusters: number;
  droppedClusters: number;
  /** Band collisions whose sketches showed too little similarity. */
  rejectedCandidates: number;
  tableEvictions: number;
}

interface ClusterState {
  id: string;
  lang: string;
  text: string;
  size: number;
  members: ClusterMember[];
  bySource: Map<string, { camp: string; first: number; count: number }>;
}

export class NearDuplicateClusterer {
  private readonly options: NearDuplicateOptions;
  private readonly numHashes: number;
  private readonly table: LshTable;
  private readonly keys: Uint32Array;
  private readonly recentMask: number;
  private readonly recentDocument: Float64Array;
  private readonly recentIdx: Int32Array;
  private readonly recentSource: Int32Array;
  private readonly recentTime: Float64Array;
  /** The ordinal of the cluster each recent statement belongs to (its own when it leads none). */
  private readonly recentRoot: Int32Array;
  /** The low 8 bits of each recent statement's signature. */
  private readonly recentSketch: Uint8Array;
  private readonly sourceNames: string[] = [];
  private readonly sourceCamps: string[] = [];
  private readonly sourceIds = new Map<string, number>();
  private readonly clusters = new Map<number, ClusterState>();
  private ordinal = 0;
  private skippedShort = 0;
  private clustered = 0;
  private droppedClusters = 0;
  private rejected = 0;

  constructor(options: Partial<NearDuplicateOptions> = {}) {
    this.options = { ...DEFAULT_NEAR_DUPLICATE, ...options };
    const { bands, rows, tableLog2, recentLog2 } = this.options;
    if (!(bands >= 1 && rows >= 1))
      throw new RangeError(`bands and rows must be ≥ 1, got ${bands} and ${rows}`);
    this.numHashes = bands * rows;
    this.table = new LshTable(tableLog2);
    this.keys = new Uint32Array(2 * bands);
    const recent = 2 ** recentLog2;
    this.recentMask = recent - 1;
    this.recentDocument = new Float64Array(recent);
    this.recentIdx = new Int32Array(recent);
    this.recentSource = new Int32Array(recent);
    this.recentTime = new Float64Array(recent);
    this.recentRoot = new Int32Array(recent);
    this.recentSketch = new Uint8Array(recent * this.numHashes);
  }

  /** Adds one statement; statements should come in time order (ties in any order). */
  add(statement: ClusterStatement): void {
    const tokens = wordTokens(statement.text);
    if (tokens.length < this.options.minWords) {
      this.skippedShort++;
      return;
    }
    const n = this.ordinal++;
    const signature = signatureOfTokens(tokens, {
      shingleSize: this.options.shingleSize,
      numHashes: this.numHashes,
      seed: this.options.seed,
    });
    bandKeys(
      signature,
      this.options.bands,
      this.options.rows,
      hashString(statement.lang, this.options.seed),
      this.keys,
    );
    const slot = n & this.recentMask;
    const sketchAt = slot * this.numHashes;
    for (let i = 0; i < this.numHashes; i++) this.recentSketch[sketchAt + i] = signature[i]! & 0xff;

    // The best verified candidate among the statements sharing a band key.
    let match = -1;
    let best = -1;
    for (let b = 0; b < this.options.bands; b++) {
      const m = this.table.get(this.keys[2 * b]!, this.keys[2 * b + 1]!);
      if (m < 0 || m === match || n - m > this.recentMask) continue;
      const similarity = this.sketchSimilarity(m & this.recentMask, slot);
      if (similarity >= this.options.minSimilarity && similarity > best) {
        best = similarity;
        match = m;
      } else if (similarity < this.options.minSimilarity) this.rejected++;
    }

    const sourceId = this.sourceId(statement.source, statement.camp);
    this.recentDocument[slot] = statement.documentId;
    this.recentIdx[slot] = statement.idx;
    this.recentSource[slot] = sourceId;
    this.recentTime[slot] = statement.time;
    this.recentRoot[slot] = match >= 0 ? this.join(match, statement) : n;
    for (let b = 0; b < this.options.bands; b++)
      this.table.set(this.keys[2 * b]!, this.keys[2 * b + 1]!, n, n);
  }

  /** Clusters whose members come from at least `minSources` sources, widest reach first. */
  result(minSources = 2): { clusters: NearDuplicateCluster[]; stats: NearDuplicateStats } {
    const clusters: NearDuplicateCluster[] = [];
    for (const state of this.clusters.values()) {
      if (state.bySource.size < minSources) continue;
      const sightings: Sighting[] = [...state.bySource].map(([source, s]) => ({
        item: state.id,
        source,
        camp: s.camp,
        firstTime: s.first,
        count: s.count,
        langs: [state.lang],
      }));
      clusters.push({
        id: state.id,
        lang: state.lang,
        text: state.text,
        size: state.size,
        members: state.members,
        sightings,
      });
    }
    clusters.sort(
      (a, b) => b.sightings.length - a.sightings.length || b.size - a.size || (a.id < b.id ? -1 : 1),
    );
    return {
      clusters,
      stats: {
        statements: this.ordinal + this.skippedShort,
        skippedShort: this.skippedShort,
        clustered: this.clustered,
        clusters: this.clusters.size,
        droppedClusters: this.droppedClusters,
        rejectedCandidates: this.rejected,
        tableEvictions: this.table.stats().evictions,
      },
    };
  }

  /** Estimated Jaccard similarity from 8-bit sketches: P(equal) = J + (1 − J)/256. */
  private sketchSimilarity(slotA: number, slotB: number): number {
    const a = slotA * this.numHashes;
    const b = slotB * this.numHashes;
    let same = 0;
    for (let i = 0; i < this.numHashes; i++)
      if (this.recentSketch[a + i] === this.recentSketch[b + i]) same++;
    return (same / this.numHashes - 1 / 256) / (1 - 1 / 256);
  }

  /** Adds the statement to the cluster of the recent statement `match`; returns the cluster's ordinal. */
  private join(match: number, statement: ClusterStatement): number {
    const root = this.recentRoot[match & this.recentMask]!;
    let cluster = this.clusters.get(root);
    if (cluster === undefined) {
      if (this.clusters.size >= this.options.maxClusters) {
        this.droppedClusters++;
        return root;
      }
      // A root with no cluster yet is the matched statement itself, still in the ring.
      const slot = match & this.recentMask;
      const leader: ClusterMember = {
        documentId: this.recentDocument[slot]!,
        idx: this.recentIdx[slot]!,
        source: this.sourceNames[this.recentSource[slot]!]!,
        time: this.recentTime[slot]!,
      };
      cluster = {
        id: `dup:${leader.documentId}.${leader.idx}`,
        lang: statement.lang,
        text: statement.text,
        size: 0,
        members: [],
        bySource: new Map(),
      };
      this.clusters.set(root, cluster);
      this.clustered++;
      this.addMember(cluster, leader, this.sourceCamps[this.recentSource[slot]!]!);
    }
    this.clustered++;
    this.addMember(
      cluster,
      {
        documentId: statement.documentId,
        idx: statement.idx,
        source: statement.source,
        time: statement.time,
      },
      statement.camp,
    );
    return root;
  }

  private addMember(cluster: ClusterState, member: ClusterMember, camp: string): void {
    cluster.size++;
    if (cluster.members.length < this.options.maxMembers) cluster.members.push(member);
    const seen = cluster.bySource.get(member.source);
    if (seen === undefined) cluster.bySource.set(member.source, { camp, first: member.time, count: 1 });
    else {
      seen.count++;
      if (member.time < seen.first) seen.first = member.time;
    }
  }

  private sourceId(name: string, camp: string): number {
    let id = this.sourceIds.get(name);
    if (id === undefined) {
      id = this.sourceNames.length;
      this.sourceIds.set(name, id);
      this.sourceNames.push(name);
      this.sourceCamps.push(camp);
    }
    return id;
  }
}
