// Serves the dashboard (web/): a fixed set of files read once at start-up into a table, so that a
// request can only ever get one of them — no path from the URL reaches the file system, and
// `..`, encoded slashes or symlinks lead nowhere. The files are plain ES modules, HTML and CSS;
// nothing is built at run time and nothing is loaded from the network.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { OvertureError } from '../core/errors.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

interface StaticFile {
  body: Uint8Array;
  type: string;
}

/** The package's web/ folder: the nearest one above this file that holds index.html. */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'web', 'index.html'))) return join(dir, 'web');
    const parent = dirname(dir);
    if (parent === dir) {
      throw new OvertureError(
        'not-found',
        'the dashboard folder was not found above the program (expected web/index.html in the package)',
      );
    }
    dir = parent;
  }
}

function readTable(root: string): Map<string, StaticFile> {
  const table = new Map<string, StaticFile>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      const type = CONTENT_TYPES[extname(name).toLowerCase()];
      if (!info.isFile() || type === undefined) continue;
      table.set(`/${relative(root, path).split(sep).join('/')}`, { body: readFileSync(path), type });
    }
  };
  walk(root);
  const index = table.get('/index.html');
  if (index) table.set('/', index);
  return table;
}

export function staticDashboard(webDir?: string): Hono {
  const table = readTable(webDir ?? defaultWebDir());
  return new Hono().get('*', (c, next) => {
    const file = table.get(c.req.path);
    if (!file) return next();
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type,
      'Cache-Control': 'no-cache',
    });
  });
}
