// The reference's no-JavaScript link (c2cjs=1) in a real browser: the customer lands on the
// click-to-chat page, waits in the representative's queue, and chats once John accepts.
// The representative side is driven through the representative JSON API.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';

const CSRF = { 'x-beckon-csrf': '1', 'content-type': 'application/json' };

/** Signs a demo representative in; returns a fetch bound to their login cookie. */
async function repSession(siteUrl, username) {
  const r = await fetch(`${siteUrl}/api/rep/login`, {
    method: 'POST',
    headers: CSRF,
    body: JSON.stringify({ username, password: process.env.BECKON_DEMO_PASSWORD || 'demo-password-123' }),
  });
  assert.equal(r.status, 200, await r.text());
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return (path, init = {}) =>
    fetch(`${siteUrl}${path}`, { ...init, headers: { ...CSRF, cookie, ...(init.headers || {}) } });
}

async function poll(fn, what) {
  for (let i = 0; i < 100; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('click-to-chat without JavaScript', () => {
  const suite = serverAndBrowser();

  test('the plain link reaches John, and the chat works both ways as text', async () => {
    const john = await repSession(suite.server.siteUrl, 'john');
    assert.equal((await john('/api/rep/presence', { method: 'PUT', body: JSON.stringify({ status: 'available' }) })).status, 200);

    const context = await suite.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const errors = [];
    // Only the chat page's own errors count here; the demo page is start_session.js's business.
    page.on('pageerror', (e) => { if (page.url().includes('/chat/')) errors.push(String(e)); });
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
    await page.goto(suite.server.demoUrl + '/');
    await page.click('#ex-link-same-window');
    await page.waitForURL(/\/chat\/[0-9a-f]{32}$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'de', 'the browser language picks the page language');
    await page.waitForFunction(() => document.getElementById('chat-status').textContent.length > 0);

    const queue = await poll(async () => {
      const q = await (await john('/api/rep/queue')).json();
      return q.sessions.find((s) => s.queue === 'rep:12' && s.state === 'queued');
    }, 'the session in John\'s queue');
    assert.equal((await john(`/api/rep/sessions/${queue.lsid}/accept`, { method: 'POST', body: '{}' })).status, 200);
    await page.waitForSelector('#chat-log li.system');

    await page.fill('#chat-input', 'Hallo, mein Drucker <b>streikt</b>');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('#chat-log li')].some((li) => li.textContent.includes('Drucker') && !li.classList.contains('pending')));
    const events = await (await john(`/api/rep/sessions/${queue.lsid}/events`)).json();
    const fromCustomer = events.events.filter((e) => e.kind === 'chat_message' && e.actor.kind === 'customer');
    assert.equal(fromCustomer.length, 1);
    assert.equal(fromCustomer[0].body.text, 'Hallo, mein Drucker <b>streikt</b>');

    const payload = '<img src=x onerror="alert(1)">Wir helfen';
    assert.equal((await john(`/api/rep/sessions/${queue.lsid}/messages`, { method: 'POST', body: JSON.stringify({ id: 'r1', text: payload }) })).status, 200);
    await page.waitForFunction((p) => [...document.querySelectorAll('#chat-log li')].some((li) => li.textContent.includes(p)), payload);
    assert.equal(await page.locator('#chat-log img').count(), 0, 'text from the representative is never HTML');

    assert.equal((await john(`/api/rep/sessions/${queue.lsid}/end`, { method: 'POST', body: '{}' })).status, 204);
    await page.waitForFunction(() => document.getElementById('chat-input').disabled);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
