// start_session.js (the BG API) in a real browser: a good guest on the customer's page. Strict
// Content Security Policies, no globals but BG, nothing loaded before BG.start, no layout
// shift, and quirks mode. Helpers: lib/start_page.js.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, browserPerFile, clickStart, customerPage, hostPages, rep, watch, withServer } from './lib/start_page.js';

const suite = browserPerFile();

// ---------------------------------------------------------------------------------------
// A good guest on the customer's page.

describe('a good guest', () => {
  test('a strict CSP that allows the site: no violation, styled dialog, chat pop-up', async (t) => {
    const server = await withServer(t);
    const site = server.siteUrl;
    // The brief's policy plus frame-src for the download frame (docs/start_session_js.md).
    const csp = `default-src 'self'; script-src 'self' ${site}; style-src 'self' ${site}; connect-src ${site}; frame-src ${site}`;
    const url = await hostPages(t, Object.fromEntries(Object.entries(customerPage(site)).map(([p, r]) => [p, { ...r, headers: { 'content-security-policy': csp } }])));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    await page.evaluate(() => { window.opts = { sessionKey: '1728331' }; });
    const started = await clickStart(page, '#full');
    const dialog = page.getByRole('dialog');
    await dialog.locator('a.beckon-manual').waitFor();
    const file = `${started.body.download_url}/file`;
    await page.waitForFunction((f) => document.querySelector('iframe.beckon-frame')?.src === f, file);
    // Styled by bg.css, not by fallbacks.
    assert.equal(await page.locator('.beckon-overlay').evaluate((e) => getComputedStyle(e).display), 'flex');
    await page.screenshot({ path: join(SHOTS, 'start_session-csp.png') });
    await page.keyboard.press('Escape');

    await page.evaluate(() => { window.opts = { sessionKey: '8347482' }; });
    const popup = context.waitForEvent('page');
    const chat = await clickStart(page, '#chat');
    await (await popup).waitForURL(chat.body.url);

    assert.deepEqual(await page.evaluate(() => window.violations), []);
    // Test sites have no client to download yet: the frame gets the site's 404 page, which
    // (rightly) refuses to be framed. Those two messages are about that page, not this one.
    const aboutTheMissingClient = (m) => /status of 404/.test(m) || /^Framing '[^']+' violates .*frame-ancestors 'none'/.test(m);
    assert.deepEqual(seen.consoleErrors.filter((m) => !aboutTheMissingClient(m)), []);
    assert.deepEqual(seen.pageErrors, []);
  });

  test('the brief CSP without frame-src: only the download frame is refused, the manual link still works', async (t) => {
    const server = await withServer(t);
    const site = server.siteUrl;
    const csp = `default-src 'self'; script-src 'self' ${site}; style-src 'self' ${site}; connect-src ${site}`;
    const url = await hostPages(t, Object.fromEntries(Object.entries(customerPage(site)).map(([p, r]) => [p, { ...r, headers: { 'content-security-policy': csp } }])));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => { window.opts = { sessionKey: '1728331' }; });
    const started = await clickStart(page, '#full');
    const manual = page.getByRole('dialog').locator('a.beckon-manual');
    await manual.waitFor();
    await page.waitForTimeout(300);
    const file = `${started.body.download_url}/file`;
    // Chrome reports a cross-origin blocked URL by its origin.
    assert.deepEqual(await page.evaluate(() => window.violations), [`frame-src ${site}`]);
    // The link opens the file in a new tab. With a client build installed (scripts/test builds
    // one beside the server) the tab turns into a download and Chrome closes it at once, so
    // the tab's navigation is what is checked, not a page that may already be gone.
    const tab = context.waitForEvent('page');
    const navigation = context.waitForEvent('request', (r) => r.url() === file && r.isNavigationRequest());
    await manual.click();
    const opened = await tab;
    assert.equal((await navigation).frame().page(), opened, 'the file opens in the new tab');
  });

  test('a CSP that refuses the stylesheet: the dialog still shows, on top and usable', async (t) => {
    const server = await withServer(t);
    const site = server.siteUrl;
    const csp = `default-src 'self'; script-src 'self' ${site}; style-src 'self'; connect-src ${site}; frame-src ${site}`;
    const url = await hostPages(t, Object.fromEntries(Object.entries(customerPage(site)).map(([p, r]) => [p, { ...r, headers: { 'content-security-policy': csp } }])));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective));
    });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    await page.evaluate(() => { window.opts = { sessionKey: '1728331' }; });
    await page.click('#full');
    const dialog = page.getByRole('dialog');
    await dialog.locator('a.beckon-manual').waitFor();
    assert.deepEqual(await page.evaluate(() => window.violations), ['style-src-elem']);
    assert.equal(await page.locator('.beckon-overlay').evaluate((e) => getComputedStyle(e).position), 'fixed');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[role=dialog]').count(), 0);
    assert.deepEqual(seen.pageErrors, []);
  });

  test('defines only BG, loads nothing before BG.start, shifts no layout (async loading)', async (t) => {
    const server = await withServer(t);
    const site = server.siteUrl;
    const url = await hostPages(t, {
      '/': {
        body: `<!DOCTYPE html><html><head><title>Async</title>
<script src="/observe.js"></script>
<script async src="${site}/api/start_session.js"></script></head>
<body><h1>Heading</h1><p>Some text that would move if anything were inserted above it.</p>
<button type="button" id="full">Help</button></body></html>`,
      },
      '/observe.js': {
        type: 'text/javascript',
        body: `window.baseline = Object.getOwnPropertyNames(window);
window.shifts = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });`,
      },
    });
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    await page.waitForFunction(() => window.BG);
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => ({
      added: Object.getOwnPropertyNames(window).filter((k) => !window.baseline.includes(k) && !['baseline', 'shifts'].includes(k)),
      keys: Object.keys(BG).sort(),
      shifts: window.shifts,
      nodes: document.querySelectorAll('link, style, iframe, .beckon-root').length,
    }));
    assert.deepEqual(before.added, ['BG']);
    assert.deepEqual(before.keys, ['START_TYPE', 'setProtocol', 'setSite', 'start']);
    assert.deepEqual(Object.keys(await page.evaluate(() => BG.START_TYPE)), ['CHAT', 'FULL']);
    assert.equal(before.shifts, 0);
    assert.equal(before.nodes, 0, 'no stylesheet or element before BG.start');
    assert.deepEqual(seen.siteRequests.filter((u) => u.startsWith(site)), [`${site}/api/start_session.js`]);

    // After a whole FULL start, still nothing but BG.
    await page.evaluate((host) => {
      BG.setSite(host);
      BG.start(BG.START_TYPE.FULL, { sessionKey: '1728331' });
    }, new URL(site).host);
    await page.getByRole('dialog').locator('a.beckon-manual').waitFor();
    // (Numbered properties are the page's frames, such as the download frame, not globals.)
    const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.baseline.includes(k) && !['baseline', 'shifts'].includes(k) && !/^\d+$/.test(k)));
    assert.deepEqual(added, ['BG']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="/assets/js/bg/"]').length), 0, 'part scripts are removed once run');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => window.shifts), 0, 'the dialog never moved the page');
  });

  test('quirks mode: one console warning, and it still works', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl, { doctype: false }));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    assert.equal(await page.evaluate(() => document.compatMode), 'BackCompat');
    const admin = await rep(server.siteUrl);
    for (const key of [await admin.newKey('full'), await admin.newKey('full')]) {
      await page.evaluate((k) => BG.start(BG.START_TYPE.FULL, { sessionKey: k }), key);
      await page.getByRole('dialog').locator('a.beckon-manual').waitFor();
      await page.keyboard.press('Escape');
    }
    const quirks = seen.warnings.filter((m) => /quirks mode/.test(m));
    assert.equal(quirks.length, 1, JSON.stringify(seen.warnings));
    assert.match(quirks[0], /<!DOCTYPE html>/);
  });
});
