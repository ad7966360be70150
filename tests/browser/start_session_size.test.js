// The size budgets of start_session.js (issue #4): the loader every customer page includes
// is at most 3 KB gzip, and everything one BG.start(FULL) makes the browser load from the
// site (code, stylesheet, strings) at most 15 KB gzip together.
//
// What FULL loads is observed in the browser rather than listed here, so a new part or
// resource cannot slip past the budget.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { serverAndBrowser } from './lib/suite.js';

const KB = 1024;
const LOADER_BUDGET = 3 * KB;
const FULL_BUDGET = 15 * KB;

const suite = serverAndBrowser();

/** The gzip size of what the site serves at a URL (fetched uncompressed, as it is). */
async function gzipped(url) {
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(res.status, 200, url);
  const body = Buffer.from(await res.arrayBuffer());
  return gzipSync(body, { level: 9 }).length;
}

test(`the loader is at most ${LOADER_BUDGET} bytes gzip`, async (t) => {
  const size = await gzipped(`${suite.server.siteUrl}/api/start_session.js`);
  t.diagnostic(`start_session.js: ${size} bytes gzip`);
  assert.ok(size <= LOADER_BUDGET, `start_session.js is ${size} bytes gzip, over ${LOADER_BUDGET}`);
});

test(`everything BG.start(FULL) loads is at most ${FULL_BUDGET} bytes gzip`, async (t) => {
  const context = await suite.browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const loaded = [];
  await page.goto(`${suite.server.demoUrl}/`);
  // The loader was loaded by the page (and counts); the page's own stylesheet does not.
  loaded.push(`${suite.server.siteUrl}/api/start_session.js`);
  page.on('requestfinished', (r) => {
    const url = r.url();
    // The session itself (the start request, the client download) is not the script's weight.
    if (!url.startsWith(suite.server.siteUrl) || r.method() !== 'GET' || /\/download\//.test(url)) return;
    loaded.push(url);
  });
  await page.click('#ex-full-session-key');
  await page.getByRole('dialog').locator('a.beckon-manual').waitFor();
  await page.waitForLoadState('networkidle');

  const sizes = await Promise.all(loaded.map(async (url) => [new URL(url).pathname, await gzipped(url)]));
  for (const [path, size] of sizes) t.diagnostic(`${path}: ${size} bytes gzip`);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  t.diagnostic(`total: ${total} bytes gzip`);

  const paths = sizes.map(([p]) => p).sort();
  for (const expected of ['/api/start_session.js', '/assets/css/bg.css', '/assets/js/bg/full.js', '/assets/js/bg/start.js', '/assets/js/bg/ui.js']) {
    assert.ok(paths.includes(expected), `${expected} was not loaded: ${paths.join(', ')}`);
  }
  assert.ok(paths.some((p) => p.startsWith('/api/strings/')), 'the strings were loaded');
  assert.ok(total <= FULL_BUDGET, `FULL loads ${total} bytes gzip, over ${FULL_BUDGET}`);
});
