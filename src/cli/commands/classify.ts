// `overture classify`: JSONL records {id, text, lang?} in (a file or stdin), one JSON line per
// record out, in input order, with the signals, positions and coded statements with evidence.
// A bad line is reported on stderr with its line number and the run goes on (exit 3 at the end).
import { createReadStream, existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { classifyInput } from '../../coder/classify-pool.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import type { CliContext, Output } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { MODEL_OPTION, MODEL_OPTION_HELP, modelPathOf, NO_MODEL_HELP } from '../model-option.js';

interface ClassifyFlags {
  input?: string;
  codebook?: string;
  model?: string | boolean;
  jobs?: string;
  allStatements?: boolean;
}

/** Writes to an output, waiting for 'drain' when a Node stream asks for it. */
function writerFor(output: Output): (text: string) => Promise<void> | undefined {
  const stream = output as Output & { once?: (event: string, fn: () => void) => unknown };
  return (text) => {
    const ok = output.write(text);
    if (ok === false && typeof stream.once === 'function') {
      return new Promise<void>((resolve) => stream.once?.('drain', resolve));
    }
    return undefined;
  };
}

export const registerClassify = (program: Command, ctx: CliContext): void => {
  program
    .command('classify')
    .description(
      'code JSONL records {"id","text","lang"?} and print one JSON line per record, in input order',
    )
    .option('--input <file>', 'the JSONL file to read (default: stdin)')
    .option('--codebook <dir>', 'a codebook folder instead of the default')
    .option(MODEL_OPTION, MODEL_OPTION_HELP)
    .option('--no-model', NO_MODEL_HELP)
    .option('--jobs <n>', 'worker threads for large inputs (default: one per core)')
    .option('--all-statements', 'also print statements that carry no signal')
    .action(async (flags: ClassifyFlags) => {
      let jobs: number | undefined;
      if (flags.jobs !== undefined) {
        jobs = Number(flags.jobs);
        if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
          throw invalidOption('--jobs', flags.jobs, 'an integer from 1 to 64');
      }
      if (flags.input !== undefined && !existsSync(flags.input)) {
        throw new OvertureError(
          'invalid-input',
          `cannot read ${flags.input}: no such file (expected a JSONL file)`,
        );
      }
      const label = flags.input ?? 'stdin';
      const open = (): Readable =>
        flags.input !== undefined ? createReadStream(flags.input) : (ctx.io.stdin as Readable);
      const modelPath = modelPathOf(flags.model);
      const write = writerFor(ctx.io.stdout);
      // Inputs below this size are coded in one thread (starting workers costs more than it saves).
      const inlineBytes = Number(ctx.io.env.OVERTURE_INLINE_BYTES ?? '') || undefined;
      const result = await classifyInput(
        { label, open },
        { write, reject: (message) => ctx.io.stderr.write(`overture: ${message}\n`) },
        {
          label,
          ...(flags.codebook !== undefined ? { codebookDir: flags.codebook } : {}),
          modelPath,
          ...(jobs !== undefined ? { jobs } : {}),
          ...(inlineBytes !== undefined ? { inlineBytes } : {}),
          allStatements: flags.allStatements === true,
        },
      );
      if (result.rejected > 0) ctx.setExitCode(EXIT.partial);
    });
};
