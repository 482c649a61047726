import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { createCodingPool } from '../../coder/coding-pool.js';
import { OvertureError } from '../../core/errors.js';
import { codeDocumentsWith, recordCoder } from '../../ingest/code-documents.js';
import { detectFormat } from '../../ingest/detect-format.js';
import { fetchUrl } from '../../ingest/fetch-url.js';
import { emptySummary, ingest } from '../../ingest/ingest.js';
import { dueSources } from '../../ingest/poll-schedule.js';
import { feedSources } from '../../store/queries/feed-sources.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { MODEL_OPTION, MODEL_OPTION_HELP, modelPathOf, NO_MODEL_HELP } from '../model-option.js';

interface WatchFlags {
  once?: boolean;
  allowPrivate?: boolean;
  timeout: string;
  json?: boolean;
  code: boolean;
  model?: string | boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export const registerWatch = (program: Command, ctx: CliContext): void => {
  program
    .command('watch')
    .description('poll the feed sources on their schedule (conditional GET), ingesting and coding new items')
    .option('--once', 'poll every due source once, then exit (for cron)')
    .option('--allow-private', 'allow feeds on private or loopback addresses')
    .option('--timeout <ms>', 'per-request timeout', '15000')
    .option('--no-code', 'store without coding')
    .option(MODEL_OPTION, MODEL_OPTION_HELP)
    .option('--no-model', NO_MODEL_HELP)
    .option('--json', 'one JSON line per poll: {source, status, accepted, duplicates, rejected}')
    .action(async (flags: WatchFlags, command: Command) => {
      const store = await ctx.openStore(command.optsWithGlobals());
      const modelPath = modelPathOf(flags.model);
      const pool = flags.code ? await createCodingPool({ jobs: 1, modelPath }) : null;
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        if (pool) await recordCoder(store, pool, 'watch');
        while (!stop.signal.aborted) {
          const all = await feedSources(store.db);
          if (all.length === 0) {
            throw new OvertureError(
              'not-found',
              'no feed sources (add one with `overture sources add NAME --camp CAMP --url URL`)',
            );
          }
          const { due, wakeAt } = dueSources(all, ctx.io.now());
          const { readerFor } = await import('../../ingest/readers.js');
          for (const row of due) {
            const line: Record<string, unknown> = { source: row.name, url: row.url };
            try {
              const response = await fetchUrl(row.url, {
                etag: row.etag,
                lastModified: row.last_modified,
                allowPrivate: flags.allowPrivate === true,
                timeoutMs: Number(flags.timeout),
              });
              if (response.status === 'not-modified') {
                line.status = 'not-modified';
                await store.recordFetch(row.id, {
                  etag: row.etag,
                  lastModified: row.last_modified,
                  status: '304',
                  failed: false,
                  at: ctx.io.now(),
                });
              } else {
                const source = (await store.getSource(row.name))!;
                const input = { label: row.url, open: () => Readable.from([Buffer.from(response.bytes)]) };
                const summary = await ingest(
                  store,
                  (async function* () {
                    yield { input, format: detectFormat(row.url, response.bytes) };
                  })(),
                  {
                    readerFor,
                    source,
                    ...(pool
                      ? {
                          coding: {
                            version: pool.version,
                            code: codeDocumentsWith(store, pool, { markDocuments: false }),
                          },
                        }
                      : {}),
                  },
                );
                Object.assign(line, {
                  status: 'ok',
                  accepted: summary.accepted,
                  duplicates: summary.duplicates,
                  rejected: summary.rejected,
                });
                await store.recordFetch(row.id, {
                  etag: response.etag,
                  lastModified: response.lastModified,
                  status: '200',
                  failed: false,
                  at: ctx.io.now(),
                });
                if (summary.rejected.length > 0) ctx.setExitCode(EXIT.partial);
              }
            } catch (error) {
              if (!(error instanceof OvertureError)) throw error;
              Object.assign(line, { status: 'failed', error: error.message, ...emptySummary() });
              await store.recordFetch(row.id, {
                etag: row.etag,
                lastModified: row.last_modified,
                status: error.code,
                failed: true,
                at: ctx.io.now(),
              });
              ctx.setExitCode(EXIT.partial);
            }
            ctx.io.stdout.write(
              flags.json
                ? `${JSON.stringify(line)}\n`
                : `${row.name}: ${line.status}${line.accepted !== undefined ? `, ${line.accepted} new` : ''}${line.error ? ` (${line.error})` : ''}\n`,
            );
          }
          if (flags.once) break;
          const waitMs = wakeAt ? Math.max(wakeAt.getTime() - ctx.io.now().getTime(), 1000) : 60_000;
          await sleep(Math.min(waitMs, 3_600_000), stop.signal);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
    });
};
