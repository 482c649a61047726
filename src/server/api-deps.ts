// What every route is given: the store, the clock, and the coder — loaded on first use, since
// compiling the codebook is the slowest thing the server does and a session that only reads
// never needs the coder for more than the rules' rationales.
import type { Coder } from '../core/coding/coder.js';
import type { Store } from '../store/store.js';

export interface ApiDeps {
  store: Store;
  now: () => Date;
  /** The coder (for ingest and classify); the same one every call. */
  coder(): Promise<Coder>;
  /** Looks up why a rule exists (its codebook `rationale`); null when the codebook has no such rule. */
  ruleRationale(): Promise<RuleRationale>;
  /** Largest request body accepted by POST /ingest, in bytes. */
  maxIngestBytes: number;
}

export type RuleRationale = (ruleId: string) => string | null;
