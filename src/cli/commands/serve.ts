import type { Command } from 'commander';
import { invalidOption } from '../../core/errors.js';
import { isLoopbackHost } from '../../server/is-loopback-host.js';
import { DEFAULT_HOST, DEFAULT_PORT, MIN_TOKEN_LENGTH } from '../../server/server-defaults.js';
import type { CliContext } from '../context.js';

interface ServeFlags {
  port: string;
  host: string;
  token?: string;
  json?: boolean;
}

/** Resolves on the first SIGINT or SIGTERM: the server runs until the user stops it. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const registerServe = (program: Command, ctx: CliContext): void => {
  program
    .command('serve')
    .description('serve the dashboard and the JSON API (described at /api/v1/openapi.json)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', String(DEFAULT_PORT))
    .option('--host <address>', 'address to listen on; anything but loopback needs a token', DEFAULT_HOST)
    .option('--token <token>', 'bearer token for writes, and for reads off loopback (or env OVERTURE_TOKEN)')
    .option('--json', 'print {url} as JSON once listening')
    .addHelpText(
      'after',
      `
Security: the server listens on ${DEFAULT_HOST} unless told otherwise. With --host set to any
other address it refuses to start without a token, and then every request needs
"Authorization: Bearer <token>". With a token on loopback, writes (POST /api/v1/ingest,
/api/v1/classify) need it and reads stay open. Prefer OVERTURE_TOKEN to --token: a command
line is visible to other users of the machine.

Examples:
  overture serve                                 # http://127.0.0.1:${DEFAULT_PORT}/
  OVERTURE_TOKEN=$(openssl rand -hex 24) overture serve --host 0.0.0.0 --port 8080`,
    )
    .action(async (flags: ServeFlags, command: Command) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port) || port > 65_535)
        throw invalidOption('--port', flags.port, 'an integer from 0 to 65535');
      const token = flags.token ?? ctx.io.env.OVERTURE_TOKEN ?? null;
      if (token !== null && token.length < MIN_TOKEN_LENGTH) {
        throw invalidOption(
          '--token',
          `${token.length} characters`,
          `at least ${MIN_TOKEN_LENGTH} characters`,
        );
      }
      if (!isLoopbackHost(flags.host) && token === null) {
        throw invalidOption(
          '--host',
          flags.host,
          `a loopback address such as ${DEFAULT_HOST}, or a token (--token or OVERTURE_TOKEN) to listen on ${flags.host}: anyone who can reach it could read and write the store`,
        );
      }
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const { startServer } = await import('../../server/start-server.js');
        const server = await startServer({ store, host: flags.host, port, token });
        ctx.io.stdout.write(
          flags.json
            ? `${JSON.stringify({ url: server.url, protectsReads: server.protectsReads })}\n`
            : `serving ${store.kind} store ${store.location}\n  dashboard  ${server.url}\n  API        ${server.url}api/v1/openapi.json\n` +
                `${token === null ? '  (no token: writes are open to this machine only)\n' : server.protectsReads ? '  (every request needs the token)\n' : '  (writes need the token)\n'}` +
                'press Ctrl-C to stop\n',
        );
        await untilStopped();
        await server.close();
      } finally {
        await store.close();
      }
    });
};
