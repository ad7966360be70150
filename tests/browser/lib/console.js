// The console in a real browser, for the console's browser tests: a signed-in console in
// its own context, a customer on the chat page, and the steps both take.

import assert from 'node:assert/strict';

export const PASSWORD = process.env.BECKON_DEMO_PASSWORD || 'demo-password-123';
export const PANEL = '[role=tabpanel]:not([hidden])';

/**
 * A signed-in console in its own browser context. Page errors, alert() dialogs and CSP
 * violations are collected; desktop notifications are recorded by a stand-in. `options` are
 * the context's (a colour scheme, downloads), and `timeout` its actions' default.
 */
export async function openConsole(browser, server, username, { timeout = 15_000, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(timeout);
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // Sockets are kept reachable so that a test can drop the console's connection.
    const NativeSocket = window.WebSocket;
    window.__sockets = [];
    window.WebSocket = class extends NativeSocket {
      constructor(...args) { super(...args); window.__sockets.push(this); }
    };
    window.__notifications = [];
    window.Notification = class {
      static permission = 'default';
      static async requestPermission() { window.Notification.permission = 'granted'; return 'granted'; }
      constructor(title, opts) { window.__notifications.push({ title, body: opts.body }); }
      addEventListener() {}
      close() {}
    };
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${server.siteUrl}/console`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/console$/), page.click('#login-form button[type=submit]')]);
  await ready(page);
  return {
    context,
    page,
    /** Fails the test on page errors, dialogs, CSP violations or injected images. */
    async clean() {
      assert.deepEqual(problems, [], `${username}: page errors or dialogs`);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], `${username}: CSP violations`);
      assert.equal(await page.locator('img').count(), 0, `${username}: no injected images`);
    },
  };
}

export async function ready(page) {
  await page.waitForSelector('#console[data-ready="1"]');
  await page.waitForFunction(() => document.getElementById('console').dataset.presence === 'available');
}

/** A customer who starts a session with `query` and lands on the chat page. */
export async function customer(browser, server, query, referer) {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${server.siteUrl}/api/start_session?${query}`, referer ? { referer } : {});
  await page.waitForURL(/\/chat\/[0-9a-f]{32}$/);
  await page.waitForFunction(() => document.getElementById('chat-status').textContent.length > 0);
  return { context, page, dialogs };
}

export const q = (params) => new URLSearchParams({ c2cjs: '1', ...params }).toString();
export const item = (page, name) => page.locator('.queue-item', { hasText: name });

export async function accept(page, name) {
  await item(page, name).locator('button.accept').click();
  await page.waitForSelector(`[role=tab][aria-selected=true]:has-text("${name}")`);
}

export async function say(page, text) {
  await page.fill(`${PANEL} .composer-input`, text);
  await page.press(`${PANEL} .composer-input`, 'Enter');
}

export async function customerSays(page, text) {
  await page.fill('#chat-input', text);
  await page.keyboard.press('Enter');
}

/** Waits until a console's open panel shows a line with this text. */
export async function seen(page, text, sel = '.chat-log li') {
  await page.locator(`${PANEL} ${sel}`, { hasText: text }).first().waitFor();
}

export async function customerSees(page, text) {
  await page.waitForFunction((t) => [...document.querySelectorAll('#chat-log li')].some((li) => li.textContent.includes(t)), text);
}

/** Ends every session a console owns, so that the next test starts with no open tabs. */
export async function endMine(page) {
  await page.evaluate(async () => {
    const me = Number(document.getElementById('console').dataset.userId);
    const { sessions } = await (await fetch('/api/rep/sessions')).json();
    for (const s of sessions.filter((x) => x.owner_id === me)) {
      await fetch(`/api/rep/sessions/${s.lsid}/end`, { method: 'POST', headers: { 'x-beckon-csrf': '1' } });
    }
  });
}

/** The text of one side-panel field of the open session. */
export const field = (page, key) => page.locator(`${PANEL} .field[data-field="${key}"] dd`).textContent();
