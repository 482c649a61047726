// The seam between the coder and the statistical model: reads a model file from disk and gives
// the coder a SignalModel (core/model parses it and computes its id). A model file parsed once is
// kept in the codebook cache's folder (codebook-cache.ts) as its weights' typed arrays, V8-
// serialised, keyed by the SHA-256 of the file's bytes: parsing and checking 8.6 MB of JSON costs
// each worker thread ~0.1 s, reading the typed arrays back a few milliseconds. The id is the one
// the parse checked against the content; an entry that cannot be read is parsed again.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { SignalModel } from '../core/coding/coder.js';
import { OvertureError } from '../core/errors.js';
import { createLinearModel, type LinearModel } from '../core/model/linear-model.js';
import type { LinearModelData } from '../core/model/model-body.js';
import { loadModel } from '../core/model/serialize-model.js';
import { cacheDir, contentKey, readCacheEntry, writeCacheEntry } from './codebook-cache.js';

const FORMAT = 'overture-model-cache/1';

interface Entry {
  format: string;
  key: string;
  id: string;
  data: LinearModelData;
}

const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

export async function loadSignalModel(path: string): Promise<SignalModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new OvertureError(
      'invalid-input',
      `cannot read model ${path} (expected an overture-linear-model JSON file)`,
      { cause: error },
    );
  }
  const dir = cacheDir();
  const key = dir === null ? null : await contentKey(FORMAT, bytes).catch(() => null);
  if (dir !== null && key !== null) {
    const cached = await readCacheEntry(dir, `model-${key}.v8`);
    if (cached !== null) {
      try {
        const entry = deserialize(cached) as Entry;
        if (entry.format === FORMAT && entry.key === key && typeof entry.id === 'string')
          return createLinearModel(entry.data, { id: entry.id });
      } catch {
        // Not an entry this program wrote: parsed again below, and rewritten.
      }
    }
  }
  const model = loadModel(bytes.toString('utf8'), path, { sha256 });
  if (dir !== null && key !== null)
    await writeCacheEntry(dir, `model-${key}.v8`, serialize(cacheEntry(key, model)));
  return model;
}

function cacheEntry(key: string, model: LinearModel): Entry {
  const { codebookVersion, seed, buckets, training, indices, signals } = model;
  return {
    format: FORMAT,
    key,
    id: model.id,
    data: { codebookVersion, seed, buckets, training, indices, signals },
  };
}
