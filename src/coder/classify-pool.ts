// `overture classify` over a stream of JSONL lines. Small inputs are coded in this thread; once
// the input passes `inlineBytes`, a pool of worker threads (one per core) takes chunks of lines
// and the results are written in input order. At most two chunks per worker are in flight, so
// memory stays flat whatever the input size (the reader waits while the pool is busy).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { OvertureError } from '../core/errors.js';
import type { Line } from '../ingest/read-lines.js';
import { classifyRecord, parseClassifyLine } from './classify-record.js';
import { loadCoder } from './load-coder.js';
import { startWorkers } from './start-workers.js';

export interface WorkerSetup {
  label: string;
  codebookDir?: string;
  modelPath: string | null | undefined;
  allStatements: boolean;
}
export interface ChunkRequest {
  seq: number;
  lines: Array<{ number: number; text: string }>;
}
export interface ChunkResult {
  seq: number;
  /** Output lines, each ending in \n. */
  out: string;
  /** One message per rejected line. */
  errors: string[];
}

export interface ClassifySink {
  /** Writes output; may return a promise to apply backpressure. */
  write(text: string): unknown;
  reject(message: string): void;
}

export interface ClassifyRunOptions {
  label: string;
  codebookDir?: string;
  modelPath?: string | null;
  allStatements?: boolean;
  /** Worker threads (default: the cores available); 1 or less codes in this thread. */
  jobs?: number;
  /** Inputs smaller than this are coded in this thread (default 2 MiB). */
  inlineBytes?: number;
}

export interface ClassifyRunResult {
  records: number;
  rejected: number;
  workers: number;
}

const CHUNK_BYTES = 256 * 1024;
const CHUNK_LINES = 2000;

type Pending = { number: number; text: string };

export async function classifyLines(
  lines: AsyncIterable<Line>,
  sink: ClassifySink,
  options: ClassifyRunOptions,
): Promise<ClassifyRunResult> {
  const setup: WorkerSetup = {
    label: options.label,
    ...(options.codebookDir !== undefined ? { codebookDir: options.codebookDir } : {}),
    modelPath: options.modelPath,
    allStatements: options.allStatements === true,
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const inlineBytes = options.inlineBytes ?? 2 * 1024 * 1024;
  const iterator = lines[Symbol.asyncIterator]();
  const head: Pending[] = [];
  let headBytes = 0;
  let rejected = 0;
  let records = 0;
  let done = false;
  const take = async (): Promise<Pending | null> => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return null;
      const line = next.value;
      if (line.text === null) {
        rejected++;
        sink.reject(`invalid record in ${options.label} line ${line.number}: ${line.problem}`);
        continue;
      }
      if (line.text.trim() === '') continue;
      return { number: line.number, text: line.text };
    }
  };
  while (headBytes < inlineBytes) {
    const line = await take();
    if (!line) {
      done = true;
      break;
    }
    head.push(line);
    headBytes += line.text.length;
  }

  if (done || jobs <= 1) {
    const coder = await loadCoder({
      ...(setup.codebookDir !== undefined ? { codebookDir: setup.codebookDir } : {}),
      ...(options.modelPath !== undefined ? { modelPath: options.modelPath } : {}),
    });
    const codeOne = async (line: Pending) => {
      try {
        const record = parseClassifyLine(line.text, options.label, line.number);
        await sink.write(
          `${JSON.stringify(classifyRecord(coder, record, { allStatements: setup.allStatements }))}\n`,
        );
        records++;
      } catch (error) {
        if (!(error instanceof OvertureError)) throw error;
        rejected++;
        sink.reject(error.message);
      }
    };
    for (const line of head) await codeOne(line);
    for (let line = done ? null : await take(); line; line = await take()) await codeOne(line);
    return { records, rejected, workers: 0 };
  }

  const pool = await startWorkers(new URL('./classify-worker', import.meta.url), jobs, setup);
  try {
    let seq = 0;
    let nextToWrite = 0;
    const results = new Map<number, ChunkResult>();
    const inFlight = new Set<number>();
    let wake: (() => void) | null = null;
    let failure: unknown = null;
    const flush = async () => {
      for (let r = results.get(nextToWrite); r; r = results.get(nextToWrite)) {
        results.delete(nextToWrite);
        nextToWrite++;
        for (const message of r.errors) sink.reject(message);
        rejected += r.errors.length;
        records += r.out === '' ? 0 : r.out.split('\n').length - 1;
        if (r.out !== '') await sink.write(r.out);
      }
    };
    const onResult = (r: ChunkResult) => {
      inFlight.delete(r.seq);
      results.set(r.seq, r);
      wake?.();
    };
    for (const w of pool) {
      w.on('message', onResult);
      w.on('error', (error) => {
        failure = error;
        wake?.();
      });
    }
    const waitForRoom = async (limit: number) => {
      while (inFlight.size > limit) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        if (failure) throw failure;
        await flush();
      }
      await flush();
    };
    let chunk: Pending[] = [];
    let chunkBytes = 0;
    const send = async () => {
      if (chunk.length === 0) return;
      await waitForRoom(pool.length * 2 - 1);
      const request: ChunkRequest = { seq, lines: chunk };
      inFlight.add(seq);
      (pool[seq % pool.length] as Worker).postMessage(request);
      seq++;
      chunk = [];
      chunkBytes = 0;
    };
    const add = async (line: Pending) => {
      chunk.push(line);
      chunkBytes += line.text.length;
      if (chunkBytes >= CHUNK_BYTES || chunk.length >= CHUNK_LINES) await send();
    };
    for (const line of head) await add(line);
    head.length = 0;
    for (let line = await take(); line; line = await take()) await add(line);
    await send();
    await waitForRoom(0);
    return { records, rejected, workers: pool.length };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
