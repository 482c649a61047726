// A progress line on a terminal, nothing when output is piped or redirected (scripts and logs
// get the summary only). Redraws at most every 100 ms so it never slows the work down.
import cliProgress from 'cli-progress';
import type { CliIo } from './context.js';

export interface Progress {
  update(values: Record<string, string | number>): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

export function createProgress(io: CliIo, format: string): Progress {
  if (!io.stderr.isTTY || io.env.CI) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format, stream: io.stderr as NodeJS.WritableStream, fps: 10, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0);
  const started = Date.now();
  return {
    update(values) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const done = typeof values.done === 'number' ? values.done : 0;
      bar.update(0, { ...values, rate: Math.round(done / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
