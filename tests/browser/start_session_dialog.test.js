// start_session.js (the BG API) in a real browser: the FULL (full-client) dialog, its keyboard
// handling, the manual download link and the ClickOnce-era launch, and the app flow on a
// phone. Helpers: lib/start_page.js.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { devices } from 'playwright-core';
import { APP_WAIT_MS, browserPerFile, clickStart, customerPage, hostPages, rep, tokenOf, watch, withServer } from './lib/start_page.js';

const suite = browserPerFile();

// ---------------------------------------------------------------------------------------
// The FULL dialog: keyboard, the manual link, ClickOnce, phones.

describe('the full-client dialog', () => {
  test('keyboard: focus moves in, Tab is trapped, Escape closes, focus returns', async (t) => {
    const server = await withServer(t);
    const admin = await rep(server.siteUrl);
    await admin.available();
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.demoUrl}/`);
    await page.focus('#ex-full-rep');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Starting your support session' });
    await dialog.locator('a.beckon-manual').waitFor();
    const active = () => page.evaluate(() => {
      const a = document.activeElement;
      return { inDialog: !!a.closest('[role=dialog]'), cls: a.className, id: a.id };
    });
    assert.deepEqual(await active(), { inDialog: true, cls: 'beckon-close', id: '' }, 'focus starts on the close button');
    await page.keyboard.press('Tab');
    assert.equal((await active()).cls, 'beckon-manual');
    await page.keyboard.press('Tab');
    assert.deepEqual(await active(), { inDialog: true, cls: 'beckon-close', id: '' }, 'Tab wraps to the first');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await active()).cls, 'beckon-manual', 'Shift+Tab wraps to the last');
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      assert.ok((await active()).inDialog, 'focus never leaves the dialog');
    }
    // The dialog is named by its title and described by its content.
    const labelled = await dialog.evaluate((d) => document.getElementById(d.getAttribute('aria-labelledby')).textContent);
    assert.equal(labelled, 'Starting your support session');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[role=dialog]').count(), 0);
    assert.equal((await active()).id, 'ex-full-rep', 'focus is back on the button');

    // The close button closes it too, and the next start works.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert.equal(await page.locator('[role=dialog]').count(), 0);
  });

  test('the manual link downloads again; ClickOnce-era browsers get the JavaScript launch', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    // What Internet Explorer would have shown: ClickOnce is not offered, the download is.
    await context.addInitScript(() => { document.documentMode = 11; });
    const page = await context.newPage();
    const infos = [];
    page.on('console', (m) => { if (m.type() === 'info') infos.push(m.text()); });
    const files = [];
    page.on('request', (r) => { if (r.url().endsWith('/file')) files.push(r.url()); });
    await page.goto(url);
    await page.evaluate(() => { window.opts = { sessionKey: '1728331' }; });
    const started = await clickStart(page, '#full');
    const dialog = page.getByRole('dialog');
    await dialog.locator('a.beckon-manual').waitFor();
    assert.equal(await dialog.getAttribute('data-launch'), 'javascript');
    await page.waitForTimeout(300);
    assert.deepEqual(files, [`${started.body.download_url}/file`]);
    await dialog.locator('a.beckon-manual').click();
    await page.waitForTimeout(300);
    assert.equal(files.length, 2, 'the manual link asked for the file again');
    assert.equal(context.pages().length, 1, 'in the hidden frame, not a new tab');
    assert.ok(infos.some((m) => /ClickOnce/.test(m)));
    // No client is installed on a test site yet: the dialog stays, with its manual link.
    assert.equal(await dialog.isVisible(), true);
  });

  test('on a phone: the app is tried, then install and start links', async (t) => {
    const server = await withServer(t);
    const context = await suite.browser.newContext({ ...devices['iPhone 13'] });
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.demoUrl}/`);
    const started = await clickStart(page, '#ex-full-session-key');
    const dialog = page.getByRole('dialog', { name: 'Continue in the support app' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('data-launch'), 'app');
    const install = dialog.getByRole('link', { name: 'Install the support app' });
    await install.waitFor({ timeout: APP_WAIT_MS + 5000 });
    const token = tokenOf(started.body.url);
    assert.equal(await install.getAttribute('href'), `${server.siteUrl}/download/${token}`);
    const startLink = dialog.getByRole('link', { name: 'I have installed the app: start my session' });
    // The app link carries a one-time client ticket, not the session token itself.
    const href = await startLink.getAttribute('href');
    assert.equal(href, started.body.app_url);
    assert.match(href, /^beckon:\/\/start\?ticket=bt1\./);
    assert.ok(!href.includes(token), 'the session token stays out of the app link');
    assert.equal(page.url(), `${server.demoUrl}/`, 'the page stayed');
    assert.deepEqual(seen.pageErrors, []);
  });
});
