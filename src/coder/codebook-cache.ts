// A cache of parsed codebooks, so that a command (and each of its worker threads) does not parse
// and check 600 KB of YAML every time it starts: on this machine that is 0.45–0.7 s per thread,
// where reading the cached form is ~30 ms. The key is the SHA-256 of the codebook's files (paths
// and bytes) and of the program's own core modules (the parser, the checks, the canonical form
// the version is hashed from), so an edited codebook or a changed program never meets a stale
// entry. Only codebooks that parsed without error are stored; a bad one is parsed, and reported,
// every time. The cache is best effort: any failure to read or write it falls back to parsing.
//
// Where: $OVERTURE_CACHE_DIR, else $XDG_CACHE_HOME/overture, else ~/.cache/overture (created
// with mode 0700, entries 0600, written to a temporary name and renamed). OVERTURE_CACHE_DIR=off
// turns it off.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook, CodebookFile } from '../core/codebook/codebook.js';

const FORMAT = 'overture-codebook-cache/1';
/** Entries kept: an analyst editing a codebook leaves one per version tried. */
const KEEP = 8;

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

export async function cacheKey(files: readonly CodebookFile[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${await hashProgram()}\0`);
  for (const file of files) hash.update(`${file.path}\0${file.text.length}\0${file.text}\0`);
  return hash.digest('hex');
}

interface Entry {
  format: string;
  key: string;
  codebook: Codebook;
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
export async function readCachedCodebook(dir: string | null, key: string | null): Promise<Codebook | null> {
  if (dir === null || key === null) return null;
  try {
    const entry = JSON.parse(await readFile(join(dir, `codebook-${key}.json`), 'utf8')) as Entry;
    return entry.format === FORMAT && entry.key === key ? entry.codebook : null;
  } catch {
    return null;
  }
}

export async function writeCachedCodebook(
  dir: string | null,
  key: string | null,
  codebook: Codebook,
): Promise<void> {
  if (dir === null || key === null) return;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, `codebook-${key}.json`);
    const temporary = `${path}.${randomUUID()}.tmp`;
    const entry: Entry = { format: FORMAT, key, codebook };
    await writeFile(temporary, JSON.stringify(entry), { mode: 0o600 });
    await rename(temporary, path);
    await prune(dir);
  } catch {
    // Best effort: a read-only home or a full disk only costs the next start its parse.
  }
}

/** Removes all but the KEEP most recently written entries. */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => /^codebook-[0-9a-f]{64}\.json$/.test(name));
  if (names.length <= KEEP) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(join(dir, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(KEEP).map(({ name }) => unlink(join(dir, name)).catch(() => undefined)));
}
