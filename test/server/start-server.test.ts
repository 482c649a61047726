// The server on a real port: loopback by default, refuses an open host without a token, and
// answers loopback host names only.
import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerServe } from '../../src/cli/commands/serve.js';
import { OvertureError } from '../../src/core/errors.js';
import { isLoopbackHost } from '../../src/server/is-loopback-host.js';
import { startServer } from '../../src/server/start-server.js';
import type { Store } from '../../src/store/store.js';

const stubStore = {} as unknown as Store;
const TOKEN = 'a-long-enough-test-token';

function getStatus(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('loopback addresses are told from addresses that expose the server', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.org', '[::]', '']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test('the server refuses to listen on a public host without a token', async () => {
  await assert.rejects(
    startServer({ store: stubStore, host: '0.0.0.0', port: 0 }),
    (error: unknown) =>
      error instanceof OvertureError &&
      error.code === 'invalid-option' &&
      /without a token/.test(error.message),
  );
  await assert.rejects(
    startServer({ store: stubStore, host: '127.0.0.1', port: 0, token: 'short' }),
    /at least 16/,
  );
});

test('a loopback server serves the API and refuses other host names', async () => {
  const server = await startServer({
    store: stubStore,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    webDir: null,
  });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(server.protectsReads, false);
    const response = await fetch(`${server.url}api/v1/openapi.json`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(await getStatus(`${server.url}api/v1/openapi.json`, 'attacker.example'), 421);
    const write = await fetch(`${server.url}api/v1/classify`, { method: 'POST', body: '{}' });
    assert.equal(write.status, 401);
  } finally {
    await server.close();
  }
});

test('overture serve --host 0.0.0.0 without a token stops before opening the store', async () => {
  let opened = false;
  const program = new Command('overture').exitOverride();
  registerServe(program, {
    io: {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: {},
      cwd: process.cwd(),
      now: () => new Date('2024-05-01T00:00:00Z'),
    },
    setExitCode: () => {},
    openStore: async () => {
      opened = true;
      return stubStore;
    },
  });
  await assert.rejects(
    program.parseAsync(['serve', '--host', '0.0.0.0'], { from: 'user' }),
    (error: unknown) =>
      error instanceof OvertureError &&
      error.code === 'invalid-option' &&
      /^invalid --host: got "0\.0\.0\.0" \(expected a loopback address .* or a token/.test(error.message),
  );
  await assert.rejects(
    program.parseAsync(['serve', '--token', 'short'], { from: 'user' }),
    /invalid --token: got "5 characters"/,
  );
  assert.equal(opened, false);
});
