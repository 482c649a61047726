// The edge that reads a codebook folder from disk and builds a coder from it (the parsing, the
// checks and the content hash are pure, in core/codebook). The default codebook is the package's
// own codebook/ folder, found by walking up from this file, so the same code works from src/
// (run through tsx) and from dist/src/ (compiled), and from an installed package.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook, CodebookFile } from '../core/codebook/codebook.js';
import {
  type CompiledCodebook,
  compileCodebook,
  restoreCompiled,
  snapshotCompiled,
} from '../core/codebook/compile-codebook.js';
import { type Coder, createCoder, type ExplainingCoder, type SignalModel } from '../core/coding/coder.js';
import { OvertureError } from '../core/errors.js';
import {
  type CachedCodebook,
  cacheDir,
  cacheKeyIn,
  compiledSnapshot,
  readCachedCodebook,
  writeCachedCodebook,
} from './codebook-cache.js';
import { loadSignalModel } from './load-signal-model.js';

/** The package root: the nearest folder above this file that holds codebook/languages.yaml. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'codebook', 'languages.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new OvertureError(
        'not-found',
        'the default codebook folder was not found above the program (expected codebook/languages.yaml in the package)',
      );
    dir = parent;
  }
}

export function defaultCodebookDir(): string {
  return join(packageRoot(), 'codebook');
}

async function listYaml(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listYaml(root, path, out);
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name))
      out.push(relative(root, path).split(sep).join('/'));
  }
}

/** Reads every YAML file of a codebook folder (default: the package's codebook/). */
export async function readCodebookFiles(dir?: string): Promise<CodebookFile[]> {
  const root = resolve(dir ?? defaultCodebookDir());
  if (!existsSync(root))
    throw new OvertureError(
      'not-found',
      `codebook folder ${root} does not exist (expected a folder with languages.yaml)`,
    );
  const paths: string[] = [];
  await listYaml(root, root, paths);
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })));
}

/** Reads, parses and checks a codebook folder (a parse already done is read from the cache). */
export async function loadCodebook(dir?: string): Promise<Codebook> {
  return (await readCodebook(dir)).codebook;
}

/**
 * A codebook folder compiled for a coder: restored from the cache when a coder was made from the
 * same files by the same program before, compiled (and the cache entry completed) otherwise.
 */
export async function loadCompiledCodebook(dir?: string): Promise<CompiledCodebook> {
  const { codebook, compiled, cache, key } = await readCodebook(dir);
  if (compiled !== null) {
    try {
      return restoreCompiled(codebook, compiledSnapshot(compiled));
    } catch {
      // A snapshot this program cannot read back: compiled again, and the entry rewritten.
    }
  }
  const fresh = compileCodebook(codebook);
  await writeCachedCodebook(cache, key, codebook, snapshotCompiled(fresh));
  return fresh;
}

async function readCodebook(
  dir?: string,
): Promise<CachedCodebook & { cache: string | null; key: string | null }> {
  const files = await readCodebookFiles(dir);
  const cache = cacheDir();
  const key = await cacheKeyIn(cache, files);
  const cached = await readCachedCodebook(cache, key);
  if (cached !== null) return { ...cached, cache, key };
  try {
    // The parser (and the YAML and schema libraries under it) is loaded only when the cache
    // misses: a worker thread that reads the cached form starts ~70 ms sooner.
    const { parseCodebook } = await import('../core/codebook/parse-codebook.js');
    const codebook = parseCodebook(files);
    await writeCachedCodebook(cache, key, codebook);
    return { codebook, compiled: null, cache, key };
  } catch (error) {
    if (error instanceof OvertureError && dir !== undefined) {
      throw new OvertureError(error.code, `${error.message} (in codebook folder ${dir})`, { cause: error });
    }
    throw error;
  }
}

/** The model file shipped with the package, if there is one. */
export function defaultModelPath(): string | null {
  const path = join(packageRoot(), 'models', 'default-model.json');
  return existsSync(path) ? path : null;
}

/**
 * A coder for a codebook folder (default: the package's) with a statistical model: the file
 * `modelPath` names, the packaged one (defaultModelPath()) when it is undefined, none when it is
 * null (rules only).
 */
export async function loadCoder(
  options: { codebookDir?: string; modelPath?: string | null } = {},
): Promise<Coder & ExplainingCoder> {
  const compiled = await loadCompiledCodebook(options.codebookDir);
  const modelPath = options.modelPath === undefined ? defaultModelPath() : options.modelPath;
  const model: SignalModel | null = modelPath ? await loadSignalModel(modelPath) : null;
  return createCoder(compiled.codebook, model ? { model, compiled } : { compiled });
}
