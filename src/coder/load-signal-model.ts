// The seam between the coder and the statistical model: reads a model file from disk and gives
// the coder a SignalModel (core/model parses it and computes its id).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SignalModel } from '../core/coding/coder.js';
import { OvertureError } from '../core/errors.js';
import { loadModel } from '../core/model/serialize-model.js';

export async function loadSignalModel(path: string): Promise<SignalModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new OvertureError(
      'invalid-input',
      `cannot read model ${path} (expected an overture-linear-model JSON file)`,
      { cause: error },
    );
  }
  return loadModel(text, path, { sha256: (body) => createHash('sha256').update(body).digest('hex') });
}
