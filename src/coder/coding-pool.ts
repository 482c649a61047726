// Codes documents on worker threads, so that coding (CPU-bound) runs beside the store's writes
// on the main thread. With one job it codes in this thread and starts no worker.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CodeInput, Coder, ExplainingCoder } from '../core/coding/coder.js';
import type { Actor, CodedStatement } from '../core/types.js';
import { loadCoder } from './load-coder.js';
import { startWorkers } from './start-workers.js';

export interface CodingWorkerSetup {
  codebookDir?: string;
  modelPath?: string | null;
}
export interface CodingRequest {
  seq: number;
  documents: CodeInput[];
}
export interface CodingResult {
  seq: number;
  statements: CodedStatement[][];
}

export interface CodingPool {
  readonly version: string;
  /** The codebook's actors, for the store's actors table. */
  readonly actors: readonly Actor[];
  code(documents: readonly CodeInput[]): Promise<CodedStatement[][]>;
  close(): Promise<void>;
}

/** A pool of no workers: codes in this thread with the coder given. */
export function codingPoolOf(coder: Coder | ExplainingCoder): CodingPool {
  return {
    version: coder.version,
    actors: 'compiled' in coder ? actorsOf(coder) : [],
    code: async (documents) => documents.map((doc) => coder.code(doc)),
    close: async () => {},
  };
}

export async function createCodingPool(
  options: CodingWorkerSetup & { jobs?: number } = {},
): Promise<CodingPool> {
  const { jobs = Math.min(availableParallelism(), 4), ...setup } = options;
  const coder = await loadCoder(setup);
  if (jobs <= 1) return codingPoolOf(coder);
  const workers = await startWorkers(new URL('./coding-worker', import.meta.url), jobs, setup);
  const waiting = new Map<number, { resolve(value: CodedStatement[][]): void; reject(error: Error): void }>();
  let seq = 0;
  let next = 0;
  const fail = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  for (const worker of workers) {
    worker.on('message', (result: CodingResult) => {
      waiting.get(result.seq)?.resolve(result.statements);
      waiting.delete(result.seq);
    });
    worker.on('error', fail);
  }
  return {
    version: coder.version,
    actors: actorsOf(coder),
    async code(documents) {
      // Split the batch across the workers so that one batch already uses every core.
      const size = Math.ceil(documents.length / workers.length);
      const parts = await Promise.all(
        workers.map((worker: Worker, i) => {
          const slice = documents.slice(i * size, (i + 1) * size);
          if (slice.length === 0) return Promise.resolve([]);
          const id = seq++;
          const target = workers[(next++ + i) % workers.length]!;
          return new Promise<CodedStatement[][]>((resolve, reject) => {
            waiting.set(id, { resolve, reject });
            (target ?? worker).postMessage({ seq: id, documents: slice } satisfies CodingRequest);
          });
        }),
      );
      return parts.flat();
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function actorsOf(coder: Pick<ExplainingCoder, 'compiled'>): Actor[] {
  // A coder built without a codebook (a test double) has no actors to give.
  return (coder.compiled?.codebook?.actors ?? []).map((actor) => ({
    id: actor.id,
    name: actor.name,
    camp: actor.camp,
    aliases: actor.aliases,
  }));
}
