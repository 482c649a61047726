// Puts the app on a port. Loopback by default; anything else needs a token, and then the token
// guards reads as well as writes — a dashboard of coded statements on an open port is a data
// leak even when nothing can be written.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { OvertureError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { LOOPBACK_HOSTNAMES } from './allowed-hosts.js';
import { type AppOptions, createApp } from './app.js';
import { isLoopbackHost } from './is-loopback-host.js';
import { DEFAULT_HOST, DEFAULT_PORT, MIN_TOKEN_LENGTH } from './server-defaults.js';

export { DEFAULT_HOST, DEFAULT_PORT, MIN_TOKEN_LENGTH };

export interface ServerOptions extends Omit<AppOptions, 'store' | 'token' | 'protectReads' | 'hostnames'> {
  store: Store;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string | null;
}

export interface RunningServer {
  url: string;
  /** Whether reads need the token (the server listens beyond loopback). */
  protectsReads: boolean;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const token = options.token ?? null;
  const loopback = isLoopbackHost(host);
  if (!loopback && token === null) {
    throw new OvertureError(
      'invalid-option',
      `refusing to listen on ${host} without a token: anyone who can reach it could read and write the store (expected --token TOKEN or OVERTURE_TOKEN, or --host 127.0.0.1)`,
    );
  }
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new OvertureError(
      'invalid-option',
      `invalid token: got ${token.length} characters (expected at least ${MIN_TOKEN_LENGTH})`,
    );
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new OvertureError(
      'invalid-option',
      `invalid port: got ${JSON.stringify(port)} (expected an integer from 0 to 65535)`,
    );
  }
  const { store, host: _host, port: _port, token: _token, ...rest } = options;
  const app = createApp({
    ...rest,
    store,
    token,
    protectReads: !loopback,
    // A loopback server answers loopback names only (DNS rebinding); a public one may be
    // reached under any name its operator gives it, and the token guards it.
    ...(loopback ? { hostnames: [...LOOPBACK_HOSTNAMES, host.toLowerCase()] } : {}),
  });
  const server = serve({ fetch: app.fetch, hostname: host, port });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (cause: Error) =>
      reject(
        new OvertureError('invalid-option', `cannot listen on ${host}:${port}: ${cause.message}`, { cause }),
      ),
    );
    server.once('listening', () => resolve(server.address() as AddressInfo));
  });
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}/`,
    protectsReads: !loopback,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
