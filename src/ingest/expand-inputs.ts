// Turns what the user named on the command line — files, folders, URLs, '-' for standard input —
// into readable inputs with their format, in a stable order (folders sorted by name).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { OvertureError } from '../core/errors.js';
import { detectFormat } from './detect-format.js';
import { type FetchOptions, fetchUrl } from './fetch-url.js';
import { FORMATS, type Format, type ReadInput } from './reader.js';

export interface ExpandedInput {
  input: ReadInput;
  format: Format;
}

export interface ExpandOptions {
  format: Format | 'auto';
  stdin: NodeJS.ReadableStream;
  fetch?: FetchOptions;
}

const HEAD_BYTES = 64 * 1024;

export function parseFormat(value: string): Format | 'auto' {
  if (value === 'auto' || (FORMATS as readonly string[]).includes(value)) return value as Format | 'auto';
  throw new OvertureError(
    'invalid-option',
    `invalid --format: got ${JSON.stringify(value)} (expected auto, ${FORMATS.join(', ')})`,
  );
}

async function fileHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) files.push(...listFiles(path));
    else if (info.isFile()) files.push(path);
  }
  return files;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function bytesInput(label: string, bytes: Uint8Array, contentType?: string | null): ReadInput {
  return {
    label,
    open: () => Readable.from([Buffer.from(bytes)]),
    ...(contentType ? { contentType } : {}),
  };
}

export async function* expandInputs(
  targets: readonly string[],
  options: ExpandOptions,
): AsyncGenerator<ExpandedInput> {
  const pick = (label: string, head: Uint8Array): Format =>
    options.format === 'auto' ? detectFormat(label, head) : options.format;
  for (const target of targets) {
    if (/^https?:\/\//i.test(target)) {
      const response = await fetchUrl(target, options.fetch ?? {});
      if (response.status === 'not-modified') continue;
      yield {
        input: bytesInput(target, response.bytes, response.contentType),
        format: pick(target, response.bytes),
      };
      continue;
    }
    if (target === '-') {
      const bytes = await readAll(options.stdin);
      yield { input: bytesInput('<stdin>', bytes), format: pick('<stdin>', bytes.subarray(0, HEAD_BYTES)) };
      continue;
    }
    const info = statSync(target, { throwIfNoEntry: false });
    if (!info) throw new OvertureError('invalid-input', `${target}: no such file or folder`);
    const paths = info.isDirectory() ? listFiles(target) : [target];
    if (info.isDirectory() && paths.length === 0)
      throw new OvertureError('invalid-input', `${target}: empty folder`);
    for (const path of paths) {
      const input: ReadInput = { label: path, open: () => createReadStream(path) };
      yield { input, format: pick(path, await fileHead(path)) };
    }
  }
}
