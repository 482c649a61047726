import type { Command } from 'commander';
import { type CodingPool, createCodingPool } from '../../coder/coding-pool.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { codeDocumentsWith, recordCoder } from '../../ingest/code-documents.js';
import { expandInputs, parseFormat } from '../../ingest/expand-inputs.js';
import { type IngestSummary, ingest } from '../../ingest/ingest.js';
import { CORPUS_FIELDS, type CorpusField, type ReaderOptions } from '../../ingest/reader.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { MODEL_OPTION, MODEL_OPTION_HELP, modelPathOf, NO_MODEL_HELP } from '../model-option.js';
import { createProgress } from '../progress.js';

interface IngestFlags {
  source?: string;
  camp?: string;
  format: string;
  map?: string;
  code: boolean;
  codebook?: string;
  model?: string | boolean;
  json?: boolean;
  allowPrivate?: boolean;
  batchSize: string;
  jobs?: string;
}

/** `--map text=body,date=published_at` → { text: 'body', date: 'published_at' }. */
export function parseFieldMap(value: string): ReaderOptions['fieldMap'] {
  const map: Partial<Record<CorpusField, string>> = {};
  for (const pair of value.split(',')) {
    const [ours, theirs] = pair.split('=').map((part) => part.trim());
    if (!ours || !theirs || !(CORPUS_FIELDS as readonly string[]).includes(ours)) {
      throw invalidOption('--map', pair, `FIELD=NAME pairs, FIELD one of ${CORPUS_FIELDS.join(', ')}`);
    }
    map[ours as CorpusField] = theirs;
  }
  return map;
}

export function printSummary(ctx: CliContext, summary: IngestSummary, json: boolean): void {
  const { io } = ctx;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({
        accepted: summary.accepted,
        duplicates: summary.duplicates,
        rejected: summary.rejected,
        updated: summary.updated,
        nearDuplicates: summary.nearDuplicates,
        events: summary.events,
        coded: summary.coded,
        inputs: summary.inputs,
        unusable: summary.unusable,
      })}\n`,
    );
  } else {
    for (const { ref, reason } of summary.rejected) {
      // Some readers' reasons already name the file and record; do not say it twice.
      const file = ref.split(' ')[0] ?? ref;
      io.stderr.write(`rejected: ${reason.includes(file) ? reason : `${ref}: ${reason}`}\n`);
    }
    io.stdout.write(
      `${summary.inputs} input(s): ${summary.accepted} accepted, ${summary.updated} updated, ` +
        `${summary.duplicates} duplicates, ${summary.nearDuplicates} near duplicates flagged, ` +
        `${summary.events} events, ${summary.coded} coded, ${summary.rejected.length} rejected\n`,
    );
  }
  if (summary.unusable > 0) ctx.setExitCode(EXIT.unusable);
  else if (summary.rejected.length > 0) ctx.setExitCode(EXIT.partial);
}

export const registerIngest = (program: Command, ctx: CliContext): void => {
  program
    .command('ingest')
    .description('read files, folders or feed URLs into the store, and code what is new')
    .argument('<inputs...>', 'files, folders, http(s) URLs, or - for standard input')
    .option('--source <name>', 'the source of records that name none')
    .option(
      '--camp <camp>',
      'the camp of --source, or of sources named by the records (a Telegram channel), when they do not exist yet',
    )
    .option('--format <format>', 'auto|jsonl|csv|text|html|rss|telegram|gdelt', 'auto')
    .option('--map <pairs>', 'field names of JSONL/CSV input, e.g. text=body,date=published')
    .option('--no-code', 'store the documents without coding them (run `overture code` later)')
    .option('--codebook <dir>', 'code with this codebook folder instead of the default')
    .option(MODEL_OPTION, MODEL_OPTION_HELP)
    .option('--no-model', NO_MODEL_HELP)
    .option('--allow-private', 'allow URLs that resolve to private or loopback addresses')
    .option('--batch-size <n>', 'documents per transaction', '500')
    .option('--jobs <n>', 'coding threads (default: the cores available, up to 4)')
    .option('--json', 'print the summary as JSON: {accepted, duplicates, rejected: [{ref, reason}], …}')
    .action(async (targets: string[], flags: IngestFlags, command: Command) => {
      const format = parseFormat(flags.format);
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
        throw invalidOption('--batch-size', flags.batchSize, 'an integer from 1 to 10000');
      }
      const readerOptions: ReaderOptions = flags.map ? { fieldMap: parseFieldMap(flags.map) ?? {} } : {};
      const store = await ctx.openStore(command.optsWithGlobals());
      const progress = createProgress(ctx.io, 'ingest {bar} {done} documents | {rate}/s | {label}');
      let pool: CodingPool | null = null;
      try {
        let source = flags.source ? await store.getSource(flags.source) : null;
        if (flags.source && !source) {
          if (!flags.camp) {
            throw new OvertureError(
              'not-found',
              `unknown source "${flags.source}" (expected --camp to create it, or \`overture sources add\` first)`,
            );
          }
          source = await store.upsertSource({ name: flags.source, camp: flags.camp });
        }
        const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
        if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)) {
          throw invalidOption('--jobs', flags.jobs, 'an integer from 1 to 64');
        }
        const modelPath = modelPathOf(flags.model);
        pool = flags.code
          ? await createCodingPool({
              ...(flags.codebook ? { codebookDir: flags.codebook } : {}),
              modelPath,
              ...(jobs !== undefined ? { jobs } : {}),
            })
          : null;
        if (pool) await recordCoder(store, pool, 'ingest');
        const inputs = expandInputs(targets, {
          format,
          stdin: ctx.io.stdin,
          fetch: { allowPrivate: flags.allowPrivate === true },
        });
        const { readerFor } = await import('../../ingest/readers.js');
        const summary = await ingest(store, inputs, {
          readerFor,
          readerOptions,
          batchSize,
          ...(source ? { source } : {}),
          ...(flags.camp ? { defaultCamp: flags.camp } : {}),
          ...(pool
            ? {
                coding: {
                  version: pool.version,
                  code: codeDocumentsWith(store, pool, { markDocuments: false }),
                },
              }
            : {}),
          onProgress: (s, label) => progress.update({ done: s.accepted + s.updated + s.duplicates, label }),
        });
        progress.stop();
        printSummary(ctx, summary, flags.json === true);
      } finally {
        progress.stop();
        await pool?.close();
        await store.close();
      }
    });
};
