// Runs a body with OVERTURE_CACHE_DIR pointing elsewhere (a test's own cache folder, or 'off'),
// and puts the environment back after it, whatever happens.
export async function withCacheDir<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const previous = process.env.OVERTURE_CACHE_DIR;
  process.env.OVERTURE_CACHE_DIR = dir;
  try {
    return await body();
  } finally {
    if (previous === undefined) delete process.env.OVERTURE_CACHE_DIR;
    else process.env.OVERTURE_CACHE_DIR = previous;
  }
}
