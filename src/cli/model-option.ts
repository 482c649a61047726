// `--model [FILE]` / `--no-model` on the commands that code (ingest, code, watch, classify, eval,
// explain). The packaged model is on by default: since it learnt from hand-coded real speech and
// from sentences written in the registers of real sources, it adds recall on every measure the
// project has without lowering the real-speech figures (docs/evaluation.md, docs/decisions.md
// "The packaged model by default, again"). commander gives `model` as a string (`--model FILE`),
// true (`--model` alone), false (`--no-model`) or undefined (neither).
import { defaultModelPath } from '../coder/load-coder.js';
import { OvertureError } from '../core/errors.js';

export const MODEL_OPTION = '--model [file]';
export const MODEL_OPTION_HELP =
  'the statistical model whose codes are added to the rules: FILE instead of the packaged one (default: the packaged model)';
export const NO_MODEL_HELP = 'rules only, without the statistical model';

/** The coder's modelPath: a file, or null for rules only. */
export function modelPathOf(model: string | boolean | undefined): string | null {
  if (typeof model === 'string') return model;
  if (model === false) return null;
  const packaged = defaultModelPath();
  if (packaged === null && model === true)
    throw new OvertureError(
      'not-found',
      'no packaged model (expected models/default-model.json in the package; train one with `overture train` and pass --model FILE)',
    );
  // Without a packaged model (a trimmed install), the default is the rules alone.
  return packaged;
}
