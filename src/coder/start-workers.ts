// Starts worker threads that each load their own coder and say `{ ready: true }` when they can
// take work. Shared by `overture classify` and by ingest's coding pool.
import { Worker } from 'node:worker_threads';

/**
 * `moduleUrl` is the worker's URL without extension, resolved beside the caller. From src/ (run
 * through tsx) the worker is a .ts file: Node 20 does not pass tsx's loader on to worker
 * threads, so a small bootstrap registers it there before importing the worker.
 */
export async function startWorkers(moduleUrl: URL, count: number, workerData: unknown): Promise<Worker[]> {
  const isSource = import.meta.url.endsWith('.ts');
  const url = new URL(`${moduleUrl.href}${isSource ? '.ts' : '.js'}`);
  const bootstrap = isSource
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`
    : null;
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => {
      const worker = bootstrap
        ? new Worker(bootstrap, { eval: true, workerData })
        : new Worker(url, { workerData });
      return new Promise<Worker>((resolve, reject) => {
        const onReady = (message: unknown) => {
          if (message && typeof message === 'object' && 'ready' in message) {
            worker.off('message', onReady);
            worker.off('error', reject);
            resolve(worker);
          }
        };
        worker.on('message', onReady);
        worker.once('error', reject);
      });
    }),
  );
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw failed.reason;
  }
  return workers;
}
