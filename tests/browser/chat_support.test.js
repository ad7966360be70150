// Shared helpers of the chat_*.test.js browser tests. It declares no tests of its own (it is
// named *.test.js only to live next to the files it serves); `node --test` runs it as an empty
// file. The representative side is driven through the representative JSON API.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const CSRF = { 'x-beckon-csrf': '1', 'content-type': 'application/json' };
export const DEMO_PASSWORD = process.env.BECKON_DEMO_PASSWORD || 'demo-password-123';
/** Demo representatives: id and public display name. */
export const JOHN = { username: 'john', id: 12, name: 'John' };
export const ADMIN = { username: 'demo-admin', id: 30, name: 'Admin' };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy. */
export async function poll(fn, what, { timeoutMs = 10_000, everyMs = 100 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Signs a demo representative in. Returns `api(path, init)` (fetch with the login cookie and
 * CSRF header) with helpers for the calls the tests make.
 */
export async function signIn(siteUrl, who) {
  const r = await fetch(`${siteUrl}/api/rep/login`, {
    method: 'POST',
    headers: CSRF,
    body: JSON.stringify({ username: who.username, password: DEMO_PASSWORD }),
  });
  assert.equal(r.status, 200, await r.text());
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const api = (path, init = {}) =>
    fetch(`${siteUrl}${path}`, { ...init, headers: { ...CSRF, cookie, ...(init.headers || {}) } });
  const post = async (path, body = {}, expect = [200, 204]) => {
    const res = await api(path, { method: 'POST', body: JSON.stringify(body) });
    const text = await res.text();
    assert.ok([].concat(expect).includes(res.status), `${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  let n = 0;
  return {
    ...who,
    api,
    post,
    available: async () => assert.equal((await api('/api/rep/presence', { method: 'PUT', body: JSON.stringify({ status: 'available' }) })).status, 200),
    away: async () => assert.ok([200, 204].includes((await api('/api/rep/presence', { method: 'DELETE' })).status)),
    accept: (lsid) => post(`/api/rep/sessions/${lsid}/accept`),
    say: (lsid, text) => post(`/api/rep/sessions/${lsid}/messages`, { id: `${who.username}-${Date.now()}-${n++}`, text }),
    typing: (lsid, active) => post(`/api/rep/sessions/${lsid}/typing`, { active }),
    elevate: (lsid) => post(`/api/rep/sessions/${lsid}/elevate`),
    transfer: (lsid, queue, note = '') => post(`/api/rep/sessions/${lsid}/transfer`, { queue, note }),
    invite: (lsid, repId) => post(`/api/rep/sessions/${lsid}/invite`, { rep_id: repId }),
    join: (lsid) => post(`/api/rep/sessions/${lsid}/join`),
    leave: (lsid) => post(`/api/rep/sessions/${lsid}/leave`),
    end: (lsid) => post(`/api/rep/sessions/${lsid}/end`),
    /** The session's log and whether the customer is typing, as the representative sees them. */
    events: async (lsid) => {
      const res = await api(`/api/rep/sessions/${lsid}/events`);
      assert.equal(res.status, 200);
      return res.json();
    },
  };
}

/** Starts a chat session as a website would; `params` are start_session parameters. */
export async function startChat(siteUrl, params = { issue_menu: '1', id: '12' }) {
  const q = new URLSearchParams({ ...params, c2cjs: '1' });
  const r = await fetch(`${siteUrl}/api/start_session?${q}`, { headers: { accept: 'application/json' } });
  const body = await r.text();
  assert.equal(r.status, 200, body);
  const s = JSON.parse(body);
  return { ...s, token: s.url.split('/chat/')[1] };
}

/**
 * Opens a new browser context and page; collects the page's errors and any dialog (which
 * the chat page never opens: an alert() would mean injected script ran).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 640, height: 480 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Opens the chat page of a session and waits until the server has welcomed it. */
export async function openChat(browser, session, options = {}) {
  const opened = await openPage(browser, options);
  await opened.page.goto(session.url);
  await waitConnected(opened.page);
  return opened;
}

export async function waitConnected(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('chat-status');
    return s && !s.classList.contains('is-warning') && document.getElementById('chat-conn').textContent === '';
  });
}

/** The items of the chat log as plain data, in page order. */
export function logItems(page) {
  return page.$$eval('#chat-list > li', (lis) => lis.map((li) => ({
    cls: li.className,
    seq: li.dataset.seq ? Number(li.dataset.seq) : null,
    who: li.querySelector('.msg-who')?.textContent ?? null,
    text: (li.querySelector('.msg-body, .system-text, .elevation-text')?.textContent ?? '').trim(),
    datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
    time: li.querySelector('time')?.textContent ?? null,
    pending: li.classList.contains('pending'),
  })));
}

/** Waits until some log item's main text contains `text` (and, unless told, is not pending). */
export async function waitForItem(page, text, { pending = false, timeout = 10_000 } = {}) {
  await page.waitForFunction(([t, p]) => [...document.querySelectorAll('#chat-list > li')].some((li) =>
    (li.querySelector('.msg-body, .system-text, .elevation-text')?.textContent ?? '').includes(t)
    && (p || !li.classList.contains('pending'))), [text, pending], { timeout });
}

/** Types a message in the composer and presses Enter. */
export async function send(page, text) {
  await page.fill('#chat-input', text);
  await page.press('#chat-input', 'Enter');
}

/** Finds the session in a representative's queue (it is queued once its page connected). */
export async function queued(rep, lsid) {
  return poll(async () => {
    const q = await (await rep.api('/api/rep/queue')).json();
    return q.sessions.find((s) => s.lsid === lsid && s.state === 'queued');
  }, `session ${lsid} in ${rep.username}'s queue`);
}

/** Chat messages of the session's log, as the server stored them, in order. */
export async function storedChats(rep, lsid) {
  const { events } = await rep.events(lsid);
  return events.filter((e) => e.kind === 'chat_message')
    .map((e) => ({ seq: e.seq, from: e.actor.kind, text: e.body.text, id: e.client_msg_id }));
}

/** Saves a screenshot when BECKON_SCREENSHOT_DIR is set (for looking at the page by eye). */
export async function screenshot(page, name) {
  const dir = process.env.BECKON_SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/**
 * Watches the log for a message shown twice at the same time, even for a moment (a resend
 * or a replay racing an ack). `check()` returns what was seen; [] means never.
 */
export async function watchDuplicates(page) {
  await page.evaluate(() => {
    const seen = [];
    const look = () => {
      const texts = [...document.querySelectorAll('#chat-list > li.msg .msg-body')].map((b) => b.textContent);
      const dup = texts.find((t, i) => texts.indexOf(t) !== i);
      if (dup !== undefined && !seen.includes(dup)) seen.push(dup);
    };
    new MutationObserver(look).observe(document.getElementById('chat-list'), { childList: true, subtree: true, characterData: true });
    window.__chatDuplicates = seen;
  });
  return { check: () => page.evaluate(() => window.__chatDuplicates) };
}

/**
 * Proxies the page's chat sockets (for every connection it opens from now on) so that a test
 * can make the page deaf (`deaf`: nothing from the server arrives), mute (`mute`: nothing
 * reaches the server), answer in the server's place (`fromPage(msg)` returning true), or cut
 * the line (`ws.close()`, `server.close()`).
 */
export async function proxySockets(page) {
  const links = [];
  await page.routeWebSocket(/\/api\/chat\/ws/, (ws) => {
    const server = ws.connectToServer();
    const link = { ws, server, deaf: false, mute: false, fromPage: null };
    links.push(link);
    ws.onMessage((m) => { if (!link.mute && !link.fromPage?.(JSON.parse(m))) server.send(m); });
    server.onMessage((m) => { if (!link.deaf) ws.send(m); });
  });
  return links;
}

/** Chat messages in the page, in page order, each with its sequence number. */
export async function shownChats(page) {
  return (await logItems(page)).filter((i) => /\bmsg\b/.test(i.cls)).map((i) => ({ seq: i.seq, text: i.text, pending: i.pending }));
}

/** The page shows exactly the server's chat messages, once each, in the server's order. */
export async function assertSameAsServer(page, rep, lsid) {
  const stored = await storedChats(rep, lsid);
  const ids = stored.filter((m) => m.from === 'customer').map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length, `each client id stored once: ${ids}`);
  const shown = await shownChats(page);
  assert.deepEqual(shown.map((m) => [m.seq, m.text]), stored.map((m) => [m.seq, m.text]));
  return stored;
}

