// `--model [FILE]` / `--no-model` on the commands that code (ingest, code, watch, classify, eval).
// Rules only unless asked: the packaged model does not generalise to real speech (on a
// hand-coded sample of real statements it lowers every figure; docs/evaluation.md). commander
// gives `model` as a string (`--model FILE`), true (`--model` alone: the packaged model), false
// (`--no-model`) or undefined (neither).
import { defaultModelPath } from '../coder/load-coder.js';
import { OvertureError } from '../core/errors.js';

export const MODEL_OPTION = '--model [file]';
export const MODEL_OPTION_HELP =
  "add a statistical model's codes to the rules: FILE, or the packaged model when no file is given (default: rules only)";
export const NO_MODEL_HELP = 'rules only (the default)';

/** The coder's modelPath: a file, or null for rules only. */
export function modelPathOf(model: string | boolean | undefined): string | null {
  if (typeof model === 'string') return model;
  if (model !== true) return null;
  const packaged = defaultModelPath();
  if (packaged === null)
    throw new OvertureError(
      'not-found',
      'no packaged model (expected models/default-model.json in the package; train one with `overture train` and pass --model FILE)',
    );
  return packaged;
}
