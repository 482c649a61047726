import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { cliStore, runOverture } from '../helpers/run-overture.js';
import { STORE_FACTORIES } from '../helpers/stores.js';

// A feed written for this test: two items, one of them an overture in Russian.
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture agency</title><language>ru</language>
<item><guid>w-1</guid><title>Брифинг</title><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>
<description>Песков заявил, что Москва готова к переговорам.</description></item>
<item><guid>w-2</guid><title>Погода</title><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>В Москве ожидается снег.</description></item>
</channel></rss>`;
const ETAG = '"feed-v1"';

let server: Server;
let feedUrl: string;
const requests: Array<{ ifNoneMatch: string | undefined }> = [];

before(async () => {
  server = createServer((req, res) => {
    requests.push({ ifNoneMatch: req.headers['if-none-match'] });
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG }).end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

for (const factory of STORE_FACTORIES) {
  describe(`watch on ${factory.name}`, () => {
    const cli = cliStore(factory);

    test('refuses a feed on a loopback address unless --allow-private is given', async () => {
      await runOverture(
        [...cli.args, 'sources', 'add', 'Fixture agency', '--camp', 'ru-state-media', '--url', feedUrl],
        { env: cli.env },
      );
      const before = requests.length;
      const result = await runOverture([...cli.args, 'watch', '--once', '--no-code', '--json'], {
        env: cli.env,
      });
      assert.equal(result.code, 3);
      const line = JSON.parse(result.stdout.trim());
      assert.equal(line.status, 'failed');
      assert.match(line.error, /127\.0\.0\.1|loopback|private/);
      assert.equal(requests.length, before, 'no request may reach the refused address');
    });

    test('ingests and codes a due feed, then asks with its ETag and gets 304', async () => {
      // The refused poll above counts as a failure: the source backs off, so poll "later".
      const later = new Date(Date.now() + 7 * 24 * 3600 * 1000);
      const first = await runOverture([...cli.args, 'watch', '--once', '--allow-private', '--json'], {
        env: cli.env,
        now: later,
      });
      assert.equal(first.code, 0, first.stderr);
      const polled = JSON.parse(first.stdout.trim());
      assert.equal(polled.status, 'ok');
      assert.equal(polled.accepted, 2);
      const stats = JSON.parse(
        (await runOverture([...cli.args, 'stats', '--json'], { env: cli.env })).stdout,
      );
      assert.equal(stats.documents, 2);
      assert.ok(stats.signals >= 1, 'the overture in the first item is coded');

      const again = await runOverture([...cli.args, 'watch', '--once', '--allow-private', '--json'], {
        env: cli.env,
        now: new Date(later.getTime() + 2 * 3600 * 1000),
      });
      assert.equal(JSON.parse(again.stdout.trim()).status, 'not-modified');
      assert.equal(requests.at(-1)?.ifNoneMatch, ETAG);
    });

    test('does nothing before a source is due', async () => {
      const before = requests.length;
      const result = await runOverture([...cli.args, 'watch', '--once', '--allow-private', '--json'], {
        env: cli.env,
      });
      assert.equal(result.code, 0);
      assert.equal(result.stdout, '');
      assert.equal(requests.length, before);
    });
  });
}
