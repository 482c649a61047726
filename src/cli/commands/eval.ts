// `overture eval`: runs the coder over a gold set and scores it — per signal, per language,
// macro-F1, position keys, and the confusions with the evidence that fired. With
// --cross-validate it instead measures whether the statistical model helps the rules.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadCompiledCodebook, packageRoot } from '../../coder/load-coder.js';
import { createCoder, DEFAULT_MODEL_THRESHOLD } from '../../core/coding/coder.js';
import { OvertureError } from '../../core/errors.js';
import { crossValidate } from '../../core/evaluation/cross-validate.js';
import { evaluate } from '../../core/evaluation/evaluate.js';
import { formatCrossValidation, formatEvaluation } from '../../core/evaluation/format-evaluation.js';
import type { GoldItem } from '../../core/evaluation/parse-gold.js';
import { parsePloverCodes, ploverGold } from '../../core/evaluation/plover-gold.js';
import { predictGold } from '../../core/evaluation/predict-gold.js';
import type { LinearModel } from '../../core/model/linear-model.js';
import { loadModel } from '../../core/model/serialize-model.js';
import { TRAIN_DEFAULTS, trainModel } from '../../core/model/train.js';
import type { SignalCategory } from '../../core/types.js';
import type { CliContext } from '../context.js';
import { MODEL_OPTION, MODEL_OPTION_HELP, modelPathOf, NO_MODEL_HELP } from '../model-option.js';
import { numberOption, readGoldFile } from './train.js';

interface EvalFlags {
  gold?: string;
  plover?: string;
  ploverCodes?: string;
  json?: boolean;
  model?: string | boolean;
  codebook?: string;
  confusions: string;
  threshold: string;
  crossValidate?: string;
  thresholds: string;
  seed: string;
}

async function readText(path: string, cwd: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new OvertureError('not-found', `cannot read ${what} ${path}`, { cause: error });
  }
}

async function goldSet(
  flags: EvalFlags,
  cwd: string,
): Promise<{ items: GoldItem[]; signals?: SignalCategory[] }> {
  if (flags.gold && flags.plover)
    throw new OvertureError('invalid-option', 'give either --gold or --plover, not both');
  if (flags.gold) return { items: await readGoldFile(flags.gold, cwd) };
  if (!flags.plover)
    throw new OvertureError('invalid-option', 'missing --gold FILE (a JSONL gold set) or --plover FILE');
  const codesPath = flags.ploverCodes ?? join(packageRoot(), 'test', 'gold', 'plover-codes.json');
  const codes = parsePloverCodes(await readText(codesPath, cwd, 'PLOVER codes'), codesPath);
  return {
    items: ploverGold(await readText(flags.plover, cwd, 'PLOVER file'), codes, flags.plover),
    signals: [...codes.scoredSignals],
  };
}

async function chooseModel(
  flags: EvalFlags,
  cwd: string,
): Promise<{ model: LinearModel | null; path: string | null }> {
  // As on every command that codes: the packaged model unless --model FILE or --no-model.
  const chosen = modelPathOf(flags.model);
  if (chosen === null) return { model: null, path: null };
  const path = resolve(cwd, chosen);
  return {
    model: loadModel(
      await readText(path, cwd, 'model'),
      typeof flags.model === 'string' ? flags.model : path,
    ),
    path,
  };
}

export const registerEval = (program: Command, ctx: CliContext): void => {
  program
    .command('eval')
    .description('score the coder against a gold set: P/R/F1 per signal and language, macro-F1, confusions')
    .option('--gold <file>', 'the gold set (JSONL: id, text, lang, signals, positions)')
    .option(
      '--plover <file>',
      'score on the PLOVER gold standard instead (out of domain; overture, refusal, threat)',
    )
    .option(
      '--plover-codes <file>',
      'our codes for the PLOVER sentences (default: test/gold/plover-codes.json)',
    )
    .option(MODEL_OPTION, MODEL_OPTION_HELP)
    .option('--no-model', NO_MODEL_HELP)
    .option('--codebook <dir>', 'a codebook folder instead of the default')
    .option('--threshold <p>', 'probability from which a model code counts', String(DEFAULT_MODEL_THRESHOLD))
    .option('--confusions <n>', 'how many confusions to show', '10')
    .option(
      '--cross-validate <k>',
      'train models on k folds of the gold set and compare rules with rules+model',
    )
    .option('--thresholds <list>', 'thresholds compared by --cross-validate', '0.2,0.3,0.4,0.5,0.6')
    .option(
      '--seed <n>',
      'seed of the folds and of training in --cross-validate',
      String(TRAIN_DEFAULTS.seed),
    )
    .option('--json', 'print the report as JSON')
    .action(async (flags: EvalFlags) => {
      const confusions = numberOption('--confusions', flags.confusions, 0, 1e6, true);
      const threshold = numberOption('--threshold', flags.threshold, 0, 1, false);
      const { items, signals } = await goldSet(flags, ctx.io.cwd);
      const source = flags.gold ?? flags.plover;
      const compiled = await loadCompiledCodebook(flags.codebook);
      const { codebook } = compiled;
      const evalOptions = signals ? { signals } : {};

      if (flags.crossValidate !== undefined) {
        const folds = numberOption('--cross-validate', flags.crossValidate, 2, 20, true);
        const seed = numberOption('--seed', flags.seed, 0, 0xffffffff, true);
        const thresholds = flags.thresholds
          .split(',')
          .map((t) => numberOption('--thresholds', t, 0, 1, false));
        const rulePredictions = predictGold(createCoder(codebook, { compiled }), items);
        const result = crossValidate(items, {
          folds,
          seed,
          thresholds,
          rulePredictions,
          train: (training) => trainModel(training, { seed, codebookVersion: codebook.version }).model,
          ...evalOptions,
        });
        if (flags.json) {
          const strip = (r: typeof result.rules) => ({ ...r, confusions: r.confusions.slice(0, confusions) });
          const out = {
            gold: source,
            codebookVersion: codebook.version,
            folds,
            seed,
            rules: strip(result.rules),
            thresholds: result.thresholds.map((t) => ({
              threshold: t.threshold,
              model: strip(t.model),
              combined: strip(t.combined),
            })),
          };
          ctx.io.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          ctx.io.stdout.write(
            formatCrossValidation(result, [`gold: ${source} · codebook ${codebook.version}`]),
          );
        }
        return;
      }

      const { model } = await chooseModel(flags, ctx.io.cwd);
      const coder = createCoder(
        codebook,
        model ? { model, modelThreshold: threshold, compiled } : { compiled },
      );
      const report = evaluate(items, predictGold(coder, items), evalOptions);
      const about = {
        gold: source,
        codebookVersion: codebook.version,
        model: model?.id ?? null,
        modelThreshold: model ? threshold : null,
      };
      if (flags.json) {
        ctx.io.stdout.write(
          `${JSON.stringify({ ...about, ...report, confusions: report.confusions.slice(0, confusions) })}\n`,
        );
        return;
      }
      const heading = [
        `gold: ${source} · codebook ${codebook.version} · ${model ? `model ${model.id} from ${threshold}` : 'rules only'}`,
      ];
      ctx.io.stdout.write(formatEvaluation(report, { confusions, heading }));
    });
};
