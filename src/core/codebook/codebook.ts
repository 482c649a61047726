// The codebook as the coder receives it: every file parsed and checked, nothing compiled yet.
import type { ActorSpec, CampSpec, LanguageSpec, PositionSpec, PositionsFile, SignalFile } from './schema.js';

/** One signal file; several files may hold rules of the same signal (e.g. an imported dictionary). */
export interface SignalSet extends SignalFile {
  /** Path of the file inside the codebook folder, for messages. */
  readonly file: string;
}

export interface Codebook {
  /** sha256 of the canonical JSON of everything below: two codebooks code alike iff equal. */
  readonly version: string;
  readonly languages: Readonly<Record<string, LanguageSpec>>;
  readonly signals: readonly SignalSet[];
  readonly positions: readonly PositionSpec[];
  readonly positionNegationScope: number;
  readonly stances: PositionsFile['stances'];
  readonly actors: readonly ActorSpec[];
  readonly camps: readonly CampSpec[];
}

/** One file of a codebook folder: its path relative to the folder (forward slashes) and text. */
export interface CodebookFile {
  readonly path: string;
  readonly text: string;
}

/** JSON with object keys sorted, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
