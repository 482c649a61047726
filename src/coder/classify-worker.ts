// A worker thread of `overture classify`: loads its own coder once, then codes chunks of input
// lines (bytes, see classify-chunk.ts) and sends back their output. Messages: classify-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { classifyChunk } from './classify-chunk.js';
import type { ChunkRequest, ChunkResult, WorkerSetup } from './classify-pool.js';
import { loadCoder } from './load-coder.js';

const setup = workerData as WorkerSetup;
const coder = await loadCoder({
  ...(setup.codebookDir !== undefined ? { codebookDir: setup.codebookDir } : {}),
  ...(setup.modelPath !== undefined ? { modelPath: setup.modelPath } : {}),
});
const port = parentPort;
if (!port) throw new Error('classify-worker must run in a worker thread');
port.on('message', (request: ChunkRequest) => {
  const result: ChunkResult = {
    seq: request.seq,
    ...classifyChunk(coder, request.bytes, request.firstLine, setup.label, setup),
  };
  port.postMessage(result);
});
port.postMessage({ ready: true });
