// start_session.js (the BG API) in a real browser: click-to-chat, with pop-ups blocked, on a
// phone, and when BG.start is called again while a start is under way. Helpers:
// lib/start_page.js.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { devices } from 'playwright-core';
import { browserPerFile, clickStart, customerPage, hostPages, rep, watch, withServer } from './lib/start_page.js';

const suite = browserPerFile();

// ---------------------------------------------------------------------------------------
// Click-to-chat: blocked pop-ups, phones, double clicks.

describe('click-to-chat', () => {
  /** A page where window.open returns null, as under a pop-up blocker. */
  async function blockedPage(t, server) {
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    await context.addInitScript(() => { window.open = () => null; });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    return { context, page, seen, url };
  }

  test('pop-up blocked, fallbackToFullWindow true (the default): the page goes to the chat', async (t) => {
    const server = await withServer(t);
    const { context, page } = await blockedPage(t, server);
    await page.evaluate(() => { window.opts = { sessionKey: '8347482' }; });
    await page.click('#chat');
    // The answer's body cannot be read once the page has left, so the URL's shape it is.
    await page.waitForURL(/\/chat\/[0-9a-f]+$/);
    assert.ok(page.url().startsWith(`${server.siteUrl}/chat/`));
    assert.equal(context.pages().length, 1);
  });

  test('pop-up blocked, fallbackToFullWindow false: a notice with a link to the chat in a new tab', async (t) => {
    const server = await withServer(t);
    const { context, page, url, seen } = await blockedPage(t, server);
    await page.evaluate(() => { window.opts = { sessionKey: '7683902', uiOptions: { fallbackToFullWindow: false } }; });
    const started = await clickStart(page, '#chat');
    const notice = page.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Your browser blocked the chat window\./);
    const link = notice.getByRole('link', { name: 'Open the chat in a new tab' });
    assert.equal(await link.getAttribute('href'), started.body.url);
    assert.equal(await link.getAttribute('target'), '_blank');
    // The customer has to act, so the link has focus.
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Open the chat in a new tab');
    assert.equal(page.url(), `${url}/`);
    const tab = context.waitForEvent('page');
    await link.click();
    const chat = await tab;
    await chat.waitForURL(started.body.url);
    assert.deepEqual(seen.pageErrors, []);
  });

  test('a second BG.start while one is starting is ignored', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await suite.browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    await page.evaluate(() => { window.opts = { sessionKey: '8347482' }; });
    const popup = context.waitForEvent('page');
    await page.dblclick('#chat');
    await (await popup).waitForURL(/\/chat\//);
    await page.waitForTimeout(300);
    assert.equal(seen.starts.length, 1, 'one start request');
    assert.equal(context.pages().length, 2, 'one pop-up');

    // FULL, twice in the same task: one request, one dialog.
    const admin = await rep(server.siteUrl);
    const keys = [await admin.newKey('full'), await admin.newKey('full')];
    await page.evaluate((k) => {
      BG.start(BG.START_TYPE.FULL, { sessionKey: k[0] });
      BG.start(BG.START_TYPE.FULL, { sessionKey: k[1] });
    }, keys);
    await page.getByRole('dialog').locator('a.beckon-manual').waitFor();
    assert.equal(seen.starts.length, 2);
    assert.equal(new URLSearchParams(seen.starts[1].postData()).get('short_key'), keys[0]);
    assert.equal(await page.locator('[role=dialog]').count(), 1);
  });

  test('on a phone the chat opens in the current window', async (t) => {
    const server = await withServer(t);
    const context = await suite.browser.newContext({ ...devices['iPhone 13'] });
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.demoUrl}/`);
    await page.click('#ex-chat-session-key');
    await page.waitForURL(/\/chat\/[0-9a-f]+$/);
    assert.equal(context.pages().length, 1, 'no pop-up on a phone');
    assert.equal(seen.starts.length, 1);
    assert.equal(new URLSearchParams(seen.starts[0].postData()).get('start_type'), 'chat');
  });
});
