// `overture train`: fits the statistical model on a gold set and writes it as JSON. The same gold
// set, seed and settings always give the same file, byte for byte.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadCodebook } from '../../coder/load-coder.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { type GoldItem, parseGold } from '../../core/evaluation/parse-gold.js';
import { isValidBucketCount } from '../../core/model/hashed-features.js';
import { serializeModel } from '../../core/model/serialize-model.js';
import { TRAIN_DEFAULTS, type TrainOptions, trainModel } from '../../core/model/train.js';
import { SIGNALS } from '../../core/types.js';
import type { CliContext } from '../context.js';

interface TrainFlags {
  gold: string[];
  seed: string;
  epochs: string;
  learningRate: string;
  l2: string;
  classWeighting: string;
  buckets: string;
  codebook?: string;
  out: string;
  json?: boolean;
}

/** An option that must be a number within [min, max] (an integer when `integer`). */
export function numberOption(
  name: string,
  value: string,
  min: number,
  max: number,
  integer: boolean,
): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw invalidOption(name, value, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return n;
}

/** Reads and parses a gold set named on the command line (relative to the working folder). */
export async function readGoldFile(path: string, cwd: string): Promise<GoldItem[]> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new OvertureError(
      'not-found',
      `cannot read gold set ${path} (expected a JSONL file of coded statements)`,
      {
        cause: error,
      },
    );
  }
  return parseGold(text, path);
}

export function trainOptions(flags: Omit<TrainFlags, 'gold' | 'out'>): Omit<TrainOptions, 'codebookVersion'> {
  const weighting = flags.classWeighting;
  if (weighting !== 'sqrt' && weighting !== 'balanced' && weighting !== 'none') {
    throw invalidOption('--class-weighting', weighting, 'sqrt, balanced or none');
  }
  return {
    seed: numberOption('--seed', flags.seed, 0, 0xffffffff, true),
    epochs: numberOption('--epochs', flags.epochs, 1, 1000, true),
    learningRate: numberOption('--learning-rate', flags.learningRate, 1e-6, 10, false),
    l2: numberOption('--l2', flags.l2, 0, 0.999, false),
    classWeighting: weighting,
    buckets: bucketsOption(flags.buckets),
  };
}

/** `--buckets 65536`: a power of two from 16 to 2^24 (fewer buckets, a smaller model file). */
function bucketsOption(value: string): number {
  const buckets = Number(value);
  if (!isValidBucketCount(buckets))
    throw invalidOption('--buckets', value, 'a power of two from 16 to 16777216');
  return buckets;
}

export const registerTrain = (program: Command, ctx: CliContext): void => {
  program
    .command('train')
    .description('train the statistical model on a gold set (JSONL of coded statements) and write it as JSON')
    .requiredOption(
      '--gold <file>',
      'a gold set to learn from (repeat to learn from several, in the order given)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--seed <n>',
      'seed of the shuffling; the same seed and data give the same file',
      String(TRAIN_DEFAULTS.seed),
    )
    .option('--epochs <n>', 'passes over the gold set', String(TRAIN_DEFAULTS.epochs))
    .option('--learning-rate <x>', 'AdaGrad step size', String(TRAIN_DEFAULTS.learningRate))
    .option('--l2 <x>', 'L2 penalty', String(TRAIN_DEFAULTS.l2))
    .option(
      '--class-weighting <scheme>',
      'weight of rare signals: sqrt, balanced or none',
      TRAIN_DEFAULTS.classWeighting,
    )
    .option(
      '--codebook <dir>',
      'the codebook whose version the model records (default: the package codebook)',
    )
    .option('--buckets <n>', 'hash buckets of the features (a power of two)', String(TRAIN_DEFAULTS.buckets))
    .option('--out <file>', 'where to write the model', 'models/model.json')
    .option('--json', 'print the training summary as JSON')
    .action(async (flags: TrainFlags) => {
      const options = trainOptions(flags);
      const items: GoldItem[] = [];
      for (const path of flags.gold) items.push(...(await readGoldFile(path, ctx.io.cwd)));
      const codebook = await loadCodebook(flags.codebook);
      const { model, summary } = trainModel(items, { ...options, codebookVersion: codebook.version });
      const text = serializeModel(model);
      const out = resolve(ctx.io.cwd, flags.out);
      await mkdir(dirname(out), { recursive: true });
      // Write beside, then rename: a reader never sees half a model.
      await writeFile(`${out}.tmp`, text, 'utf8');
      await rename(`${out}.tmp`, out);
      const langs: Record<string, number> = {};
      for (const item of items) langs[item.lang] = (langs[item.lang] ?? 0) + 1;
      if (flags.json) {
        const result = {
          id: model.id,
          out: flags.out,
          bytes: text.length,
          codebookVersion: codebook.version,
          languages: langs,
        };
        ctx.io.stdout.write(`${JSON.stringify({ ...result, ...summary })}\n`);
        return;
      }
      const lines = [
        `model ${model.id} trained on ${items.length} statements (${Object.entries(langs)
          .sort()
          .map(([l, n]) => `${l} ${n}`)
          .join(', ')}), ${summary.epochs} epochs, seed ${summary.seed}, codebook ${codebook.version}`,
        '',
        `  ${'signal'.padEnd(14)}${'positives'.padStart(10)}${'weights'.padStart(9)}${'loss'.padStart(8)}`,
        ...SIGNALS.map(
          (s) =>
            `  ${s.padEnd(14)}${String(summary.positives[s]).padStart(10)}${String(summary.weights[s]).padStart(9)}${summary.loss[s].toFixed(3).padStart(8)}`,
        ),
        '',
        `written to ${flags.out} (${(text.length / 1e6).toFixed(1)} MB)`,
      ];
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
    });
};
