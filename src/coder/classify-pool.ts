// `overture classify` over an input of any size. Small inputs are coded in this thread; once the
// input passes `inlineBytes`, a pool of worker threads (one per core) takes chunks of whole lines
// as bytes (transferred, not copied) and sends back their output, which is written in input
// order. This thread only finds newlines and writes: decoding, parsing, coding and serialising
// all happen in the workers, so on two cores the two workers have them to themselves. At most
// two chunks per worker are in flight, so memory stays flat whatever the input size.
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { OvertureError } from '../core/errors.js';
import { type LineChunk, lineChunks } from '../ingest/line-chunks.js';
import { MAX_LINE_BYTES, readLines } from '../ingest/read-lines.js';
import type { ReadInput } from '../ingest/reader.js';
import { type ChunkOutput, classifyChunk } from './classify-chunk.js';
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
  bytes: Uint8Array<ArrayBuffer>;
  firstLine: number;
}
export interface ChunkResult extends ChunkOutput {
  seq: number;
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

const CHUNK_BYTES = 1024 * 1024;

function oversize(label: string, line: number): string {
  return `invalid record in ${label} line ${line}: line longer than ${MAX_LINE_BYTES} bytes (expected one record per line)`;
}

/** The first bytes of a stream, and the whole stream again from its start. */
async function peek(stream: Readable, bytes: number): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    seen.push(chunk);
    size += chunk.length;
  }
  const all = (async function* () {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
  })();
  return { head: Buffer.concat(seen), all };
}

export async function classifyInput(
  input: ReadInput,
  sink: ClassifySink,
  options: ClassifyRunOptions,
): Promise<ClassifyRunResult> {
  const setup: WorkerSetup = {
    label: options.label,
    ...(options.codebookDir !== undefined ? { codebookDir: options.codebookDir } : {}),
    modelPath: options.modelPath,
    allStatements: options.allStatements === true,
  };
  const coderOptions = {
    ...(setup.codebookDir !== undefined ? { codebookDir: setup.codebookDir } : {}),
    ...(options.modelPath !== undefined ? { modelPath: options.modelPath } : {}),
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const inlineBytes = options.inlineBytes ?? 2 * 1024 * 1024;
  const { head, all } = await peek(input.open(), 2);
  // UTF-16 (known by its byte-order mark) is rare in JSONL: decoded as a stream, in this thread.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return classifyDecoded(
      { label: input.label, open: () => Readable.from(all) },
      sink,
      options,
      coderOptions,
    );
  }

  let records = 0;
  let rejected = 0;
  const write = async (result: ChunkOutput) => {
    for (const message of result.errors) sink.reject(message);
    rejected += result.errors.length;
    records += result.records;
    if (result.out !== '') await sink.write(result.out);
  };
  const chunks = lineChunks(all, Math.min(CHUNK_BYTES, Math.max(1024, Math.floor(inlineBytes / 2))));
  const iterator = chunks[Symbol.asyncIterator]();
  const first: LineChunk[] = [];
  let firstBytes = 0;
  let done = false;
  while (firstBytes < inlineBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    if (next.value.kind === 'lines') firstBytes += next.value.bytes.length;
  }

  if (done || jobs <= 1) {
    const coder = await loadCoder(coderOptions);
    const codeChunk = async (chunk: LineChunk) => {
      if (chunk.kind === 'oversize') {
        await write({ out: '', errors: [oversize(options.label, chunk.line)], records: 0 });
        return;
      }
      await write(classifyChunk(coder, chunk.bytes, chunk.firstLine, options.label, setup));
    };
    for (const chunk of first) await codeChunk(chunk);
    if (!done)
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        await codeChunk(next.value);
    return { records, rejected, workers: 0 };
  }

  const pool = await startWorkers(new URL('./classify-worker', import.meta.url), jobs, setup);
  try {
    let seq = 0;
    let nextToWrite = 0;
    const results = new Map<number, ChunkOutput>();
    let inFlight = 0;
    let wake: (() => void) | null = null;
    let failure: unknown = null;
    const flush = async () => {
      for (let r = results.get(nextToWrite); r; r = results.get(nextToWrite)) {
        results.delete(nextToWrite);
        nextToWrite++;
        await write(r);
      }
    };
    // Chunks each worker holds: a chunk goes to the one holding fewest, so a worker that is
    // through its chunks never waits while the other has two queued (strict turns did that).
    const held = pool.map(() => 0);
    pool.forEach((w, index) => {
      w.on('message', (r: ChunkResult) => {
        inFlight--;
        held[index] = (held[index] as number) - 1;
        results.set(r.seq, r);
        wake?.();
      });
    });
    for (const w of pool) {
      w.on('error', (error) => {
        failure = error;
        wake?.();
      });
    }
    // Room counts the chunks the workers hold and the outputs waiting for an earlier one: a
    // worker may run ahead of a slow one by a few chunks, never more (memory stays flat).
    const waitForRoom = async (limit: number) => {
      // Outputs that arrived since are written first: with nothing in flight, none is left.
      await flush();
      while (inFlight + results.size > limit) {
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
    const send = async (chunk: LineChunk) => {
      if (chunk.kind === 'oversize') {
        // Keeps its place in the output order like any chunk.
        results.set(seq++, { out: '', errors: [oversize(options.label, chunk.line)], records: 0 });
        return;
      }
      await waitForRoom(pool.length * 3 - 1);
      const request: ChunkRequest = { seq: seq++, bytes: chunk.bytes, firstLine: chunk.firstLine };
      inFlight++;
      let worker = 0;
      for (let k = 1; k < pool.length; k++) if ((held[k] as number) < (held[worker] as number)) worker = k;
      held[worker] = (held[worker] as number) + 1;
      (pool[worker] as Worker).postMessage(request, [chunk.bytes.buffer]);
    };
    for (const chunk of first) await send(chunk);
    first.length = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await send(next.value);
    await waitForRoom(0);
    return { records, rejected, workers: pool.length };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** UTF-16 input: decoded line by line (read-lines.ts), coded in this thread. */
async function classifyDecoded(
  input: ReadInput,
  sink: ClassifySink,
  options: ClassifyRunOptions,
  coderOptions: Parameters<typeof loadCoder>[0],
): Promise<ClassifyRunResult> {
  const coder = await loadCoder(coderOptions);
  let records = 0;
  let rejected = 0;
  for await (const line of readLines(input)) {
    if (line.text === null) {
      rejected++;
      sink.reject(`invalid record in ${options.label} line ${line.number}: ${line.problem}`);
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      const record = parseClassifyLine(line.text, options.label, line.number);
      const output = classifyRecord(coder, record, { allStatements: options.allStatements === true });
      await sink.write(`${JSON.stringify(output)}\n`);
      records++;
    } catch (error) {
      if (!(error instanceof OvertureError)) throw error;
      rejected++;
      sink.reject(error.message);
    }
  }
  return { records, rejected, workers: 0 };
}
