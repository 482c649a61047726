// A worker thread of `overture classify`: loads its own coder once, then codes chunks of input
// lines and sends back their output lines in the same order. Messages: classify-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { OvertureError } from '../core/errors.js';
import type { ChunkRequest, ChunkResult, WorkerSetup } from './classify-pool.js';
import { classifyRecord, parseClassifyLine } from './classify-record.js';
import { loadCoder } from './load-coder.js';

const setup = workerData as WorkerSetup;
const coder = await loadCoder({
  ...(setup.codebookDir !== undefined ? { codebookDir: setup.codebookDir } : {}),
  ...(setup.modelPath !== undefined ? { modelPath: setup.modelPath } : {}),
});
const port = parentPort;
if (!port) throw new Error('classify-worker must run in a worker thread');
port.on('message', (request: ChunkRequest) => {
  const out: string[] = [];
  const errors: string[] = [];
  for (const line of request.lines) {
    try {
      const record = parseClassifyLine(line.text, setup.label, line.number);
      out.push(JSON.stringify(classifyRecord(coder, record, { allStatements: setup.allStatements })));
    } catch (error) {
      if (!(error instanceof OvertureError)) throw error;
      errors.push(error.message);
    }
  }
  const result: ChunkResult = { seq: request.seq, out: out.length > 0 ? `${out.join('\n')}\n` : '', errors };
  port.postMessage(result);
});
port.postMessage({ ready: true });
