// A cache of parsed and compiled codebooks, so that a command (and each of its worker threads)
// neither parses and checks 600 KB of YAML nor compiles 12,000 phrases every time it starts: on
// this machine those are 0.45–0.7 s and ~0.5 s per thread (more when two threads start at once),
// where reading the cached form back is ~0.1 s. The key is the SHA-256 of the codebook's files
// (paths and bytes), of the program's own core modules (the parser, the checks, the compiler, the
// matcher whose tables are stored) and of the V8 version whose serialisation stores them, so an
// edited codebook or a changed program never meets a stale entry. Only codebooks that parsed
// without error are stored; a bad one is parsed, and reported, every time. The cache is best
// effort: any failure to read or write it (or to restore what it holds) falls back to parsing.
//
// An entry is a structured clone (node:v8 serialize) of the codebook and, once a coder has been
// made from it, of its compiled snapshot, itself serialised apart inside the entry: a command that
// needs only the codebook (validate, train) reads the snapshot's bytes without decoding them. Where: $OVERTURE_CACHE_DIR, else $XDG_CACHE_HOME/overture, else ~/.cache/overture
// (created with mode 0700, entries 0600, written to a temporary name and renamed).
// OVERTURE_CACHE_DIR=off turns it off.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Codebook, CodebookFile } from '../core/codebook/codebook.js';
import type { CompiledSnapshot } from '../core/codebook/compile-codebook.js';

const FORMAT = 'overture-codebook-cache/2';
/** Entries kept (~14 MB each with the default codebook): an analyst editing a codebook leaves one per version tried. */
const KEEP = 8;
/** Entries by kind (the name's prefix): KEEP of each kind are kept. */
const ENTRY = /^(codebook|model)-[0-9a-f]{64}\.(json|v8)$/;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.OVERTURE_CACHE_DIR;
  if (explicit !== undefined && explicit !== '') return explicit === 'off' ? null : explicit;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'overture');
  try {
    return join(homedir(), '.cache', 'overture');
  } catch {
    return null; // no home directory (a locked-down service account): no cache
  }
}

let programHash: Promise<string> | null = null;

/** The hash of every module under core/ (src/core or dist/src/core, whichever runs). */
function hashProgram(): Promise<string> {
  programHash ??= (async () => {
    const core = join(dirname(fileURLToPath(import.meta.url)), '..', 'core');
    const hash = createHash('sha256');
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (/\.(js|ts)$/.test(entry.name) && !/\.test\.(js|ts)$/.test(entry.name)) {
          hash.update(`${path.slice(core.length)}\0`);
          hash.update(await readFile(path));
        }
      }
    };
    await walk(core);
    return hash.digest('hex');
  })();
  return programHash;
}

/**
 * A cache key for content the program derives from `bytes` under `format`: changes with the
 * bytes, the program's core modules and the V8 version that serialises the entry.
 */
export async function contentKey(format: string, bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${format}\0${process.versions.v8}\0${await hashProgram()}\0`);
  hash.update(bytes);
  return hash.digest('hex');
}

export async function cacheKey(files: readonly CodebookFile[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${process.versions.v8}\0${await hashProgram()}\0`);
  for (const file of files) hash.update(`${file.path}\0${file.text.length}\0${file.text}\0`);
  return hash.digest('hex');
}

interface Entry {
  format: string;
  key: string;
  codebook: Codebook;
  /** The compiled snapshot, serialised (see compiledSnapshot). */
  compiled: Uint8Array | null;
}

export interface CachedCodebook {
  readonly codebook: Codebook;
  /**
   * Its compiled snapshot as bytes (compiledSnapshot decodes them), once a coder has been made
   * from the codebook; null before.
   */
  readonly compiled: Uint8Array | null;
}

/** The compiled snapshot an entry's bytes hold (throws on bytes that are not one). */
export function compiledSnapshot(bytes: Uint8Array): CompiledSnapshot {
  return deserialize(bytes) as CompiledSnapshot;
}

/** The cache's key for these files, or null when the cache is off (or the program unreadable). */
export async function cacheKeyIn(dir: string | null, files: readonly CodebookFile[]): Promise<string | null> {
  if (dir === null) return null;
  try {
    return await cacheKey(files);
  } catch {
    return null;
  }
}

/** The cached codebook under this key, or null (none, unreadable, or no key). */
export async function readCachedCodebook(
  dir: string | null,
  key: string | null,
): Promise<CachedCodebook | null> {
  if (dir === null || key === null) return null;
  try {
    const entry = deserialize(await readFile(join(dir, `codebook-${key}.v8`))) as Entry;
    if (entry?.format !== FORMAT || entry.key !== key || typeof entry.codebook?.version !== 'string')
      return null;
    return {
      codebook: entry.codebook,
      compiled: entry.compiled instanceof Uint8Array ? entry.compiled : null,
    };
  } catch {
    return null;
  }
}

/** Stores a codebook that parsed without error, with its compiled snapshot when there is one. */
export async function writeCachedCodebook(
  dir: string | null,
  key: string | null,
  codebook: Codebook,
  compiled: CompiledSnapshot | null = null,
): Promise<void> {
  if (dir === null || key === null) return;
  let bytes: Uint8Array;
  try {
    const entry: Entry = {
      format: FORMAT,
      key,
      codebook,
      compiled: compiled === null ? null : serialize(compiled),
    };
    bytes = serialize(entry);
  } catch {
    return; // a codebook V8 cannot clone is parsed every time rather than not at all
  }
  await writeCacheEntry(dir, `codebook-${key}.v8`, bytes);
}

/**
 * The bytes of the cache entry `name` (as writeCacheEntry names it), or null (none or unreadable):
 * for another kind of entry kept beside the codebooks (load-signal-model.ts).
 */
export async function readCacheEntry(dir: string, name: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, name));
  } catch {
    return null;
  }
}

/** Writes a cache entry atomically (temporary name, rename) and prunes its kind; best effort. */
export async function writeCacheEntry(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, name);
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
    await prune(dir, name.slice(0, name.indexOf('-')));
  } catch {
    // Best effort: a read-only home or a full disk only costs the next start its work.
  }
}

/** Removes all but the KEEP most recently written entries of a kind (JSON ones from before too). */
async function prune(dir: string, kind = 'codebook'): Promise<void> {
  const names = (await readdir(dir)).filter((name) => ENTRY.exec(name)?.[1] === kind);
  if (names.length <= KEEP) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(join(dir, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(KEEP).map(({ name }) => unlink(join(dir, name)).catch(() => undefined)));
}
