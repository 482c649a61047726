// `--model FILE` / `--no-model` on the commands that code (ingest, code, watch, classify).
// commander gives `model` as a string (a file), false (--no-model), or true/undefined (neither:
// the packaged model).
/** The coder's modelPath: a file, null for rules only, undefined for the packaged model. */
export function modelPathOf(model: string | boolean | undefined): string | null | undefined {
  if (model === false) return null;
  return typeof model === 'string' ? model : undefined;
}
