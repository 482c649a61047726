// The dashboard in a real browser (Debian's Chromium driven by playwright-core; no browser is
// ever downloaded): the empty state, the timeline, the evidence with the matched words marked,
// keyboard use, and hostile text shown as text. Skipped when /usr/bin/chromium is absent.
//
// Set OVERTURE_SCREENSHOT_DIR to keep screenshots of the seeded dashboard there.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import type { Store } from '../../src/store/store.js';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { fakeCoder } from '../server/fake-coder.js';
import { HOSTILE_TEXT, seedApiStore } from '../server/seed-api-store.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent (install Debian's chromium to run the browser tests)`;
const SCREENSHOTS = process.env.OVERTURE_SCREENSHOT_DIR;

describe('the dashboard in a browser', { skip }, () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];

  before(async () => {
    ({ store, dispose } = await STORE_FACTORIES[0]!.open());
    server = await startServer({ store, port: 0, loadCoder: async () => fakeCoder() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await dispose?.();
  });

  test('an empty store shows what to run instead of empty charts', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#empty:not([hidden])');
    const text = await page.textContent('#empty');
    assert.match(text ?? '', /overture ingest corpus\.jsonl --source NAME/);
    assert.match(text ?? '', /overture demo/);
    assert.equal(await page.isHidden('#timeline'), true);
    assert.match((await page.textContent('#summary')) ?? '', /is empty/);
  });

  test('with data, the timeline, the episode band and the pressure overlay are drawn', async () => {
    await seedApiStore(store);
    await page.reload();
    await page.waitForSelector('svg.timeline .series-line');
    await page.waitForSelector('table.positions');
    assert.equal(await page.isHidden('#empty'), true);
    // Four camps in the legend; by default the chart draws the one with an episode.
    assert.equal(await page.locator('#legend input[type=checkbox]').count(), 4);
    assert.equal(await page.locator('svg.timeline .series-line').count(), 1);
    await page.getByRole('checkbox', { name: 'west-commentary' }).click();
    assert.equal(await page.locator('svg.timeline .series-line').count(), 2);
    assert.equal(await page.locator('svg.timeline .band-peace-offensive').count(), 1);
    assert.equal(await page.locator('svg.timeline .overlay-line').count(), 1);
    assert.match((await page.textContent('#episodes-body')) ?? '', /Classified as a peace offensive/);
    assert.match((await page.textContent('#positions-body')) ?? '', /What did not change/);
    assert.equal(await page.locator('#sources-body tbody tr').count(), 4);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
  });

  test('choosing a period shows its statements with the matched words marked', async () => {
    // The week of 4 March 2024 (the tenth week from 1 January) holds the burst.
    await page.locator('svg.timeline .hits rect').nth(9).click();
    await page.waitForSelector('#evidence-body .statement');
    const marks = await page.locator('#evidence-body mark.focus').allTextContents();
    assert.ok(marks.length > 0);
    assert.ok(
      marks.every((m) =>
        ['ready to talk', 'open to a negotiated settlement', 'time to negotiate'].includes(m),
      ),
      marks.join(' | '),
    );
    assert.match(
      (await page.textContent('#evidence-body')) ?? '',
      /Why this rule: Professed readiness to talk/,
    );
    if (SCREENSHOTS)
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-evidence.png'), fullPage: true });
  });

  test('markup in a document is shown as text and never runs', async () => {
    const hostile = page.locator('#evidence-body .statement', { hasText: '<script>alert(2)</script>' });
    assert.equal(await hostile.count(), 1);
    const text = await hostile.locator('.statement-text').textContent();
    assert.equal(text, HOSTILE_TEXT);
    assert.equal(
      await page.locator('#evidence-body img, #evidence-body script, #evidence-body b').count(),
      0,
    );
    assert.equal(await hostile.locator('a', { hasText: '<b>bold</b> title' }).count(), 1);
    assert.deepEqual(dialogs, []);
  });

  test('the timeline works from the keyboard', async () => {
    await page.focus('svg.timeline');
    await page.keyboard.press('Home');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    assert.match(
      (await page.textContent('#readout')) ?? '',
      /^4 Mar 2024 – 10 Mar 2024 — overture share: ru-official/,
    );
    await page.evaluate("document.getElementById('evidence-body').replaceChildren()");
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence-body .statement');
    assert.match(
      (await page.textContent('#evidence-body .evidence-title')) ?? '',
      /overture, 4 Mar 2024 – 10 Mar 2024/,
    );
  });

  test('an episode opens its statements and the positions around it', async () => {
    await page.getByRole('button', { name: 'Show its statements' }).click();
    await page.locator('#evidence-body .evidence-title', { hasText: 'episode' }).waitFor();
    await page.getByRole('button', { name: 'Positions around it' }).click();
    await page.locator('#positions-body .callout h3', { hasText: '3 Feb 2024' }).waitFor();
    assert.match((await page.textContent('#positions-body')) ?? '', /annexed-territories/);
  });

  test('nothing is loaded from another origin and the page raised no error', async () => {
    const origin = new URL(server.url).origin;
    assert.ok(requests.length > 5);
    for (const url of requests) assert.ok(url.startsWith(`${origin}/`), `requested ${url}`);
    assert.deepEqual(problems, []);
  });
});
