import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OvertureError } from '../../core/errors.js';

/** Reads a file named on the command line, relative to the command's working directory. */
export async function readTextFile(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (cause) {
    throw new OvertureError(
      'invalid-input',
      `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      {
        cause,
      },
    );
  }
}
