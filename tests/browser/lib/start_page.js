// The customer side of start_session.js (the BG API) for the start_session_*.test.js browser
// tests: one Chromium per file, a fresh demo server per test (session keys are single-use),
// the representative API, and customer pages served by a tiny Node server.
//
// Customer pages always live on another origin than the site, as in real deployments: the
// reference examples are clicked on the demo site (its own port), and pages that need
// something special (a strict CSP, quirks mode, broken options) are served by hostPages or
// servePages. What a start did is checked on the server, through the representative API,
// not only in the page.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { startServer } from './server.js';
import { launchBrowser } from './browser.js';

// lib/server.js starts the demo with this password (BECKON_DEMO_PASSWORD).
const DEMO_PASSWORD = 'demo-password-123';
export const SHOTS = process.env.BECKON_SCREENSHOT_DIR || tmpdir();
// The app-open wait of the mobile flow (bg/full.js) plus room for a slow machine.
export const APP_WAIT_MS = 1500;

/**
 * Registers `before` and `after` hooks in the current file (call it at top level): `before`
 * launches Chromium, `after` closes it. The returned object's `browser` is set by `before`,
 * so read it in hooks and tests, not while the tests are being declared.
 * @returns {{ browser: import('playwright-core').Browser }}
 */
export function browserPerFile() {
  const suite = { browser: undefined };
  before(async () => {
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
  });
  return suite;
}

/** A fresh demo server for one test (session keys are one-time), stopped afterwards. */
export async function withServer(t) {
  const server = await startServer();
  t.after(() => server.stop());
  return server;
}

/**
 * Signs a demo representative in through the representative API.
 * @returns {Promise<{call: Function, available: Function, session: Function, newKey: Function}>}
 */
export async function rep(siteUrl, username = 'demo-admin') {
  const login = await fetch(`${siteUrl}/api/rep/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-beckon-csrf': '1' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200, `login as ${username}: ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  async function call(method, path, body) {
    const res = await fetch(`${siteUrl}${path}`, {
      method,
      headers: { cookie, 'x-beckon-csrf': '1', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body && JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch { /* not JSON: kept as text */ }
    return { status: res.status, json, text };
  }
  return {
    call,
    async available() {
      const r = await call('PUT', '/api/rep/presence', { status: 'available' });
      assert.equal(r.status, 200, r.text);
    },
    /** The session as the representative sees it. */
    async session(lsid) {
      const r = await call('GET', `/api/rep/sessions/${lsid}/events`);
      assert.equal(r.status, 200, r.text);
      return r.json.session;
    },
    async newKey(startType) {
      const r = await call('POST', '/api/rep/session-keys', startType ? { start_type: startType } : {});
      assert.ok(r.status === 200 || r.status === 201, r.text);
      return r.json.short_key;
    },
  };
}

/**
 * Serves customer pages from 127.0.0.1:0 (another origin than the site).
 * @param {Record<string, {body: string, type?: string, headers?: Record<string,string>}>} routes
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function servePages(routes) {
  const srv = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    // An empty icon, so the browser's favicon request is no console error.
    const route = routes[path] || (path === '/favicon.ico' ? { body: '', type: 'image/x-icon' } : null);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route.type || 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body);
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${srv.address().port}`,
    close: () => new Promise((resolve) => {
      srv.closeAllConnections();
      srv.close(resolve);
    }),
  };
}

/** servePages for one test: closed when the test ends. Returns the base URL. */
export async function hostPages(t, routes) {
  const pages = await servePages(routes);
  t.after(pages.close);
  return pages.url;
}

/**
 * A customer page that loads the loader from the site and calls BG.setSite from a file of
 * its own (so that it also works under a CSP without 'unsafe-inline'). Buttons with
 * data-type start with the options in window.opts; a thrown Error lands in window.thrown.
 */
export function customerPage(siteUrl, { doctype = true, setSite = true, head = '', body = '' } = {}) {
  const host = new URL(siteUrl).host;
  return {
    '/': {
      body: `${doctype ? '<!DOCTYPE html>\n' : ''}<html lang="en"><head><meta charset="utf-8">
<title>Customer page</title>${head}
<script src="${siteUrl}/api/start_session.js"></script>
<script src="/setup.js"></script>
</head><body><h1>Example customer</h1>
<button type="button" id="full" data-type="FULL">Get help</button>
<button type="button" id="chat" data-type="CHAT">Chat</button>
${body}</body></html>`,
    },
    '/setup.js': {
      type: 'text/javascript',
      body: `${setSite ? `BG.setSite(${JSON.stringify(host)});` : ''}
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('button[data-type]');
  if (!b) return;
  try { BG.start(BG.START_TYPE[b.dataset.type], window.opts); }
  catch (err) { window.thrown = { message: err.message, code: err.code, field: err.field }; }
});`,
    },
  };
}

/** Records what a page does that the tests care about. */
export function watch(page) {
  const seen = { pageErrors: [], consoleErrors: [], warnings: [], starts: [], siteRequests: [] };
  page.on('pageerror', (e) => seen.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
    if (m.type() === 'warning') seen.warnings.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url().includes('/api/start_session') && r.method() === 'POST') seen.starts.push(r);
    seen.siteRequests.push(r.url());
  });
  return seen;
}

/** Clicks and returns the start request's answer. */
export async function clickStart(page, selector) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/start_session') && r.request().method() === 'POST');
  await page.click(selector);
  const res = await answer;
  return { status: res.status(), body: await res.json(), params: new URLSearchParams(res.request().postData()) };
}

/** Resolves when a page is closed (perhaps already). */
export const closed = (p) => (p.isClosed() ? Promise.resolve() : p.waitForEvent('close'));

/** The token in a session's customer URL (/chat/TOKEN or /download/TOKEN). */
export const tokenOf = (url) => new URL(url).pathname.split('/').pop();
