// A worker thread of ingest's coding pool: loads its own coder once, then codes batches of
// documents and sends back their coded statements in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import type { CodingRequest, CodingResult, CodingWorkerSetup } from './coding-pool.js';
import { loadCoder } from './load-coder.js';

const setup = workerData as CodingWorkerSetup;
const coder = await loadCoder({
  ...(setup.codebookDir !== undefined ? { codebookDir: setup.codebookDir } : {}),
  ...(setup.modelPath !== undefined ? { modelPath: setup.modelPath } : {}),
});
const port = parentPort;
if (!port) throw new Error('coding-worker must run in a worker thread');
port.on('message', (request: CodingRequest) => {
  const result: CodingResult = {
    seq: request.seq,
    statements: request.documents.map((doc) => coder.code(doc)),
  };
  port.postMessage(result);
});
port.postMessage({ ready: true, version: coder.version });
