// start_session.js (the BG API) in a real browser, against the real beckon binary.
//
// Customer pages always live on another origin than the site, as in real deployments: the
// reference examples are clicked on the demo site (its own port), and pages that need
// something special (a strict CSP, quirks mode, broken options) are served by a tiny Node
// server inside the test. What a start did is checked on the server, through the
// representative API, not only in the page.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices } from 'playwright-core';
import { startServer } from './lib/server.js';
import { launchBrowser } from './lib/browser.js';

// lib/server.js starts the demo with this password (BECKON_DEMO_PASSWORD).
const DEMO_PASSWORD = 'demo-password-123';
const SHOTS = process.env.BECKON_SCREENSHOT_DIR || tmpdir();
// The app-open wait of the mobile flow (bg/full.js) plus room for a slow machine.
const APP_WAIT_MS = 1500;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A fresh demo server for one test (session keys are one-time), stopped afterwards. */
async function withServer(t) {
  const server = await startServer();
  t.after(() => server.stop());
  return server;
}

/**
 * Signs a demo representative in through the representative API.
 * @returns {Promise<{call: Function, available: Function, session: Function, newKey: Function}>}
 */
async function rep(siteUrl, username = 'demo-admin') {
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
async function servePages(routes) {
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
async function hostPages(t, routes) {
  const pages = await servePages(routes);
  t.after(pages.close);
  return pages.url;
}

/**
 * A customer page that loads the loader from the site and calls BG.setSite from a file of
 * its own (so that it also works under a CSP without 'unsafe-inline'). Buttons with
 * data-type start with the options in window.opts; a thrown Error lands in window.thrown.
 */
function customerPage(siteUrl, { doctype = true, setSite = true, head = '', body = '' } = {}) {
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
function watch(page) {
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
async function clickStart(page, selector) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/start_session') && r.request().method() === 'POST');
  await page.click(selector);
  const res = await answer;
  return { status: res.status(), body: await res.json(), params: new URLSearchParams(res.request().postData()) };
}

/** Resolves when a page is closed (perhaps already). */
const closed = (p) => (p.isClosed() ? Promise.resolve() : p.waitForEvent('close'));

/** The token in a session's customer URL (/chat/TOKEN or /download/TOKEN). */
const tokenOf = (url) => new URL(url).pathname.split('/').pop();

// ---------------------------------------------------------------------------------------
// The reference's examples, clicked on the demo page as written.

describe('the reference examples on the demo page', () => {
  // The browser asks for German, so a session in en-us proves the locale option arrived.
  const contextOptions = { locale: 'de-DE' };

  /**
   * Clicks one example of the demo page; returns the session the server made, the
   * parameters sent and the page.
   */
  async function runExample(t, buttonId, { prepare } = {}) {
    const server = await withServer(t);
    const admin = await rep(server.siteUrl);
    if (prepare) await prepare(admin);
    const context = await browser.newContext(contextOptions);
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.demoUrl}/`);
    const started = await clickStart(page, `#${buttonId}`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const session = await admin.session(started.body.lsid);
    return { server, admin, context, page, seen, started, session };
  }

  /** The FULL dialog is up, the download of this session's client was asked for. */
  async function assertFullDialog(page, started) {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    const file = `${started.body.download_url}/file`;
    await page.waitForFunction((f) => [...document.querySelectorAll('iframe')].some((i) => i.src === f), file);
    assert.equal(await dialog.locator('a.beckon-manual').getAttribute('href'), file);
  }

  const customer = { name: 'Customer Name', company: 'Company Name', company_code: 'Company Code', details: 'Issue Details' };
  const noCustomer = { name: '', company: '', company_code: '', details: '' };

  test('FULL with a session key', async (t) => {
    const { page, seen, started, session } = await runExample(t, 'ex-full-session-key');
    assert.deepEqual([...started.params], [['start_type', 'full'], ['short_key', '1728331']]);
    assert.equal(session.start_type, 'full');
    assert.equal(session.queue, 'rep:30');
    assert.equal(session.locale, 'de');
    assert.deepEqual(session.customer, noCustomer);
    assert.deepEqual(session.skills, []);
    await assertFullDialog(page, started);
    assert.deepEqual(seen.pageErrors, []);
  });

  test('FULL with representative information', async (t) => {
    const { page, seen, started, session } = await runExample(t, 'ex-full-rep', { prepare: (admin) => admin.available() });
    assert.deepEqual([...started.params], [['start_type', 'full'], ['id', '30'], ['name', 'Admin']]);
    assert.equal(session.start_type, 'full');
    assert.equal(session.queue, 'rep:30');
    assert.equal(session.locale, 'de');
    await assertFullDialog(page, started);
    assert.deepEqual(seen.pageErrors, []);
  });

  test('FULL with a session key and custom fields', async (t) => {
    const { page, started, session } = await runExample(t, 'ex-full-session-key-custom');
    assert.deepEqual([...started.params], [
      ['start_type', 'full'], ['short_key', '8679485'],
      ['session.custom.external_key', 'abc123'],
      ['session.custom.custom_field1', 'Custom Value'],
      ['session.custom.custom_field2', '123'],
    ]);
    assert.equal(session.queue, 'rep:30');
    assert.equal(session.external_key, 'abc123');
    assert.deepEqual(session.attributes, { custom_field1: 'Custom Value', custom_field2: '123' });
    await assertFullDialog(page, started);
  });

  test('FULL with a session key and a language', async (t) => {
    const { page, started, session } = await runExample(t, 'ex-full-session-key-locale');
    assert.deepEqual([...started.params], [['start_type', 'full'], ['short_key', '8679485'], ['locale', 'en-us']]);
    assert.equal(session.locale, 'en-us');
    assert.equal(session.external_key, '');
    await assertFullDialog(page, started);
    // The dialog speaks the session's language, not the browser's.
    assert.equal(await page.locator('.beckon-title').textContent(), 'Starting your support session');
  });

  test('FULL with an issue object (by id) and customer information', async (t) => {
    const { page, started, session } = await runExample(t, 'ex-full-issue-id');
    assert.equal(session.queue, 'team:1');
    assert.equal(session.issue_id, 12);
    assert.deepEqual(session.customer, customer);
    assert.equal(started.params.get('issue_menu'), '1');
    await assertFullDialog(page, started);
  });

  test('FULL with an issue object (by code name) and skills', async (t) => {
    const { page, started, session } = await runExample(t, 'ex-full-issue-code');
    assert.deepEqual([...started.params], [
      ['start_type', 'full'], ['issue_menu', '1'], ['codeName', 'Other'], ['skills', 'skill1'], ['skills', 'skill2'],
    ]);
    assert.equal(session.queue, 'team:2');
    assert.equal(session.issue_id, 13);
    assert.deepEqual(session.skills, ['skill1', 'skill2']);
    assert.deepEqual(session.customer, noCustomer);
    await assertFullDialog(page, started);
  });

  test('FULL with an issue form element', async (t) => {
    const { page, started, session } = await runExample(t, 'ex-full-issue-form');
    assert.equal(session.queue, 'team:2');
    assert.equal(session.issue_id, 13);
    assert.deepEqual(session.skills, ['skill1', 'skill2']);
    assert.deepEqual(session.customer, customer);
    assert.equal(session.external_key, 'abc123');
    assert.deepEqual(session.attributes, { custom_field1: 'Custom Value', custom_field2: '123' });
    assert.equal(session.locale, 'de');
    await assertFullDialog(page, started);
  });

  for (const [buttonId, key] of [['ex-chat-session-key', '8347482'], ['ex-chat-fallback', '7683902']]) {
    test(`CHAT with a session key (${buttonId})`, async (t) => {
      const server = await withServer(t);
      const admin = await rep(server.siteUrl);
      const context = await browser.newContext(contextOptions);
      t.after(() => context.close());
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${server.demoUrl}/`);
      const popupOpened = context.waitForEvent('page');
      const started = await clickStart(page, `#${buttonId}`);
      const popup = await popupOpened;
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.deepEqual([...started.params], [['start_type', 'chat'], ['short_key', key], ['c2cjs', '1']]);
      await popup.waitForURL(started.body.url);
      assert.match(started.body.url, /\/chat\/[0-9a-f]+$/);
      // The pop-up is the reference's 640x480 window, not a tab, and cannot reach back.
      assert.deepEqual(await popup.evaluate(() => [window.name, window.opener]), ['clickToChat', null]);
      const session = await admin.session(started.body.lsid);
      assert.equal(session.start_type, 'chat');
      assert.equal(session.queue, 'rep:30');
      assert.equal(session.locale, 'de');
      assert.equal(page.url(), `${server.demoUrl}/`, 'the customer page stays');
      assert.equal(context.pages().length, 2);
      assert.deepEqual(seen.pageErrors, []);
    });
  }

  test('the dialog, full size and on a phone (screenshots)', async (t) => {
    const server = await withServer(t);
    for (const [name, options] of [
      ['desktop', { viewport: { width: 1280, height: 800 } }],
      ['phone', { ...devices['iPhone 13'] }],
    ]) {
      const admin = await rep(server.siteUrl);
      const key = await admin.newKey('full');
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${server.demoUrl}/`);
      await page.evaluate((k) => BG.start(BG.START_TYPE.FULL, { sessionKey: k }), key);
      const dialog = page.getByRole('dialog');
      if (name === 'desktop') {
        await dialog.locator('a.beckon-manual').waitFor();
        const box = await dialog.boundingBox();
        assert.equal(Math.round(box.width), 680);
        assert.ok(box.height >= 400 && box.height < 480, `dialog height ${box.height}`);
      } else {
        await dialog.locator('a.beckon-button').first().waitFor({ timeout: APP_WAIT_MS + 5000 });
        const box = await dialog.boundingBox();
        assert.equal(Math.round(box.width), page.viewportSize().width, 'full width on a phone');
      }
      await page.screenshot({ path: join(SHOTS, `start_session-dialog-${name}.png`) });
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------
// Mistakes in the options: an Error that names the option and the rule, and nothing opens.

describe('wrong options', () => {
  let server;
  const hosts = {};
  before(async () => {
    server = await startServer();
    for (const setSite of [true, false]) {
      hosts[setSite] = await servePages(customerPage(server.siteUrl, {
        setSite,
        body: '<form id="f"><input name="x" value="1"></form><div id="d"></div>',
      }));
    }
  });
  after(async () => {
    await Promise.all(Object.values(hosts).map((h) => h.close()));
    await server?.stop();
  });

  /** Runs BG.start in a fresh page; returns what was thrown, and what happened. */
  async function tryStart(t, source, { setSite = true, callback = false } = {}) {
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(hosts[setSite].url);
    const outcome = await page.evaluate(async ({ src, cb }) => {
      // Test code: the options are written as source so that they can hold DOM lookups.
      const options = new Function(`return (${src});`)();
      let failed = null;
      if (cb) options.sessionStartFailed = (e) => { failed = { message: e.message, code: e.code, field: e.field }; };
      let thrown = null;
      try {
        window.BG.start(options.__type === undefined ? BG.START_TYPE.FULL : options.__type, options);
      } catch (e) {
        thrown = { message: e.message, code: e.code, field: e.field, isError: e instanceof Error };
      }
      await new Promise((r) => setTimeout(r, 300));
      return { thrown, failed, bgRoots: document.querySelectorAll('.beckon-root').length };
    }, { src: source, cb: callback });
    await page.waitForTimeout(200);
    outcome.pages = context.pages().length;
    outcome.starts = seen.starts.length;
    outcome.pageErrors = seen.pageErrors;
    return outcome;
  }

  const CASES = [
    ['an unknown start type', "{ __type: 'browser', sessionKey: '1728331' }", /startType must be BG\.START_TYPE\.CHAT or BG\.START_TYPE\.FULL/],
    ['no start type', "{ __type: null, sessionKey: '1728331' }", /startType must be/],
    ['no start method', '{}', /options needs exactly one of sessionKey, rep or issue/],
    ['two start methods', "{ sessionKey: '1728331', rep: { id: 30, name: 'Admin' } }", /options needs exactly one of sessionKey, rep or issue/],
    ['three start methods', "{ sessionKey: '1', rep: { id: 30, name: 'Admin' }, issue: { id: 12 } }", /exactly one of/],
    ['an issue with id and codeName', "{ issue: { id: 12, codeName: 'Other' } }", /options\.issue needs either id or codeName/],
    ['an issue with neither', '{ issue: {} }', /options\.issue needs either id or codeName/],
    ['a rep without id', "{ rep: { name: 'Admin' } }", /options\.rep needs both id and name/],
    ['a rep without name', '{ rep: { id: 30 } }', /options\.rep needs both id and name/],
    ['a non-integer rep.id', "{ rep: { id: 1.5, name: 'Admin' } }", /options\.rep\.id must be an integer/],
    ['a non-numeric rep.id', "{ rep: { id: 'thirty', name: 'Admin' } }", /options\.rep\.id must be an integer/],
    ['a non-numeric sessionKey', "{ sessionKey: 'abc1234' }", /options\.sessionKey must be numeric/],
    ['skills as a string', "{ sessionKey: '1728331', skills: 'skill1' }", /options\.skills must be an array of strings/],
    ['skills with a number', "{ sessionKey: '1728331', skills: ['skill1', 2] }", /options\.skills must be an array of strings/],
    ['an issue element that is not a form', "{ issue: document.getElementById('d') }", /options\.issue must be a form or an object/],
    ['an issue form with neither id nor codeName', "{ issue: document.getElementById('f') }", /options\.issue form input needs either id or codeName/],
    ['a missing issue form (null)', "{ issue: document.getElementById('nope') }", /options\.issue must be a form or an object/],
    ['customer not an object', "{ sessionKey: '1728331', customer: 'Jo' }", /options\.customer must be an object/],
    ['an object as a custom field', "{ sessionKey: '1728331', attributes: { custom_field1: {} } }", /options\.attributes\.custom_field1 must be a string/],
    ['an alias that disagrees', "{ sessionKey: '1728331', customer: { name: 'A' }, customerName: 'B' }", /options\.customerName conflicts with another option/],
  ];

  for (const [name, source, message] of CASES) {
    test(`${name}: throws, opens nothing`, async (t) => {
      const r = await tryStart(t, source);
      assert.ok(r.thrown, 'BG.start must throw');
      assert.ok(r.thrown.isError, 'an Error');
      assert.match(r.thrown.message, message);
      assert.match(r.thrown.message, /^BG\.start: /);
      assert.equal(r.thrown.code, 'invalid_option');
      assert.equal(r.pages, 1, 'no window opened');
      assert.equal(r.bgRoots, 0, 'no dialog or notice');
      assert.equal(r.starts, 0, 'nothing sent');
      assert.deepEqual(r.pageErrors, []);
    });
  }

  test('BG.start before BG.setSite throws', async (t) => {
    const r = await tryStart(t, "{ sessionKey: '1728331' }", { setSite: false });
    assert.equal(r.thrown.code, 'not_configured');
    assert.match(r.thrown.message, /BG\.start: call BG\.setSite\("support\.example\.com"\) first/);
    assert.equal(r.pages, 1);
    assert.equal(r.starts, 0);
  });

  test('with sessionStartFailed, the Error goes to it instead of being thrown', async (t) => {
    const r = await tryStart(t, "{ rep: { id: 1.5, name: 'Admin' } }", { callback: true });
    assert.equal(r.thrown, null);
    assert.equal(r.failed.code, 'invalid_option');
    assert.equal(r.failed.field, 'options.rep.id');
    assert.match(r.failed.message, /options\.rep\.id must be an integer/);
    assert.equal(r.pages, 1);
    assert.equal(r.starts, 0);
  });

  test('BG.setSite and BG.setProtocol refuse what they cannot use', async (t) => {
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(url);
    const errors = await page.evaluate(() => ['https://support.example.com', '', 42, 'a b'].map((h) => {
      try {
        BG.setSite(h);
        return null;
      } catch (e) {
        return e.message;
      }
    }).concat(['ftp', 'HTTPS:'].map((p) => {
      try {
        BG.setProtocol(p);
        return null;
      } catch (e) {
        return e.message;
      }
    })));
    assert.ok(errors.every((m) => m && /^BG\.set(Site|Protocol): expected/.test(m)), JSON.stringify(errors));
  });
});

// ---------------------------------------------------------------------------------------
// Refusals of the server: the page hears of them, and the customer reads why.

describe('when the server refuses', () => {
  test('FULL: the dialog shows the localized message; sessionStartFailed gets the Error', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    await page.evaluate(() => {
      window.opts = { rep: { id: 999, name: 'Nobody' }, locale: 'fr', sessionStartFailed: (e) => { window.failed = { message: e.message, code: e.code, status: e.status }; } };
    });
    await page.click('#full');
    const dialog = page.getByRole('dialog');
    await dialog.locator('.beckon-error').waitFor();
    const failed = await page.waitForFunction(() => window.failed).then((h) => h.jsonValue());
    assert.equal(failed.code, 'unknown_rep');
    assert.equal(failed.status, 404);
    // In French, as asked, in the dialog and in the Error.
    assert.equal(await dialog.locator('.beckon-title').textContent(), 'Démarrage de votre session d’assistance');
    assert.equal(await dialog.locator('.beckon-error .beckon-lead').textContent(), 'Votre session d’assistance n’a pas pu démarrer.');
    assert.equal(await dialog.locator('.beckon-error .beckon-detail').textContent(), failed.message);
    assert.notEqual(failed.message, 'This representative does not exist.');
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.consoleErrors.filter((m) => !/status of 404/.test(m)), []);
    assert.equal(context.pages().length, 1);
  });

  test('FULL without sessionStartFailed: a console error, and the dialog', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    await page.evaluate(() => { window.opts = { rep: { id: 12, name: 'John' } }; });
    await page.click('#full');
    await page.getByRole('dialog').locator('.beckon-error').waitFor();
    assert.match(await page.locator('.beckon-detail').textContent(), /not available/);
    await page.waitForTimeout(100);
    assert.ok(seen.consoleErrors.some((m) => m.startsWith('BG.start failed:')), JSON.stringify(seen.consoleErrors));
    assert.deepEqual(seen.pageErrors, []);
  });

  test('CHAT with a used key: the pop-up closes and an in-page notice says why', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    // Use the key once, then start with it again.
    const first = await fetch(`${server.siteUrl}/api/start_session`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'short_key=8347482&start_type=chat&c2cjs=1',
    });
    assert.equal(first.status, 200);
    await page.evaluate(() => { window.opts = { sessionKey: '8347482', sessionStartFailed: (e) => { window.failed = { message: e.message, code: e.code }; } }; });
    const popupOpened = context.waitForEvent('page');
    await page.click('#chat');
    const popup = await popupOpened;
    await closed(popup);
    const notice = page.getByRole('alert');
    await notice.waitFor();
    const failed = await page.waitForFunction(() => window.failed).then((h) => h.jsonValue());
    assert.equal(failed.code, 'used_session_key');
    assert.equal((await notice.textContent()).trim(), failed.message);
    assert.equal(context.pages().length, 1, 'no empty pop-up left behind');
    // The notice can be dismissed with its close button.
    await notice.getByRole('button', { name: 'Close' }).click();
    assert.equal(await page.locator('.beckon-root').count(), 0);
    assert.deepEqual(seen.pageErrors, []);
  });

  test('the site unreachable: reported, never thrown, the page keeps working', async (t) => {
    const server = await withServer(t);
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(url);
    // The network fails just for the start request: the dialog is loaded, the start is not.
    await page.route('**/api/start_session', (route) => route.abort('connectionrefused'));
    await page.evaluate(() => { window.opts = { sessionKey: '1728331', sessionStartFailed: (e) => { window.failed = { message: e.message, code: e.code }; } }; });
    await page.click('#full');
    const failed = await page.waitForFunction(() => window.failed).then((h) => h.jsonValue());
    assert.equal(failed.code, 'network');
    await page.getByRole('dialog').locator('.beckon-error').waitFor();
    assert.equal(await page.locator('.beckon-detail').count(), 0, 'no technical detail for the customer');
    await page.keyboard.press('Escape');
    assert.deepEqual(seen.pageErrors, []);

    // And with nothing of the site reachable at all: not even the dialog's code loads.
    const page2 = await context.newPage();
    const seen2 = watch(page2);
    await page2.goto(url);
    await page2.evaluate(() => {
      BG.setSite('127.0.0.1:9'); // the discard port: nothing listens
      window.opts = { sessionKey: '1728331', sessionStartFailed: (e) => { window.failed = { message: e.message, code: e.code }; } };
    });
    await page2.click('#full');
    const failed2 = await page2.waitForFunction(() => window.failed).then((h) => h.jsonValue());
    assert.equal(failed2.code, 'load_failed');
    assert.match(failed2.message, /could not load http:\/\/127\.0\.0\.1:9\/assets\/js\/bg\//);
    // Without a callback: the console, and the chat pop-up opened in the click is closed.
    await page2.evaluate(() => { window.opts.sessionStartFailed = undefined; });
    const popup = context.waitForEvent('page');
    await page2.click('#chat');
    await closed(await popup);
    await page2.waitForTimeout(200);
    assert.ok(seen2.consoleErrors.some((m) => m.startsWith('BG.start failed:')), JSON.stringify(seen2.consoleErrors));
    assert.deepEqual(seen2.pageErrors, [], 'nothing uncaught');
    assert.equal(await page2.evaluate(() => window.thrown ?? null), null, 'nothing thrown');
    assert.equal(context.pages().length, 2, 'no pop-up left behind');
    // The page still works, and BG.start can be used again once the site is back.
    await page2.evaluate((host) => BG.setSite(host), new URL(server.siteUrl).host);
    await page2.click('#full');
    await page2.getByRole('dialog').waitFor();
  });
});

// ---------------------------------------------------------------------------------------
// Click-to-chat: blocked pop-ups, phones, double clicks.

describe('click-to-chat', () => {
  /** A page where window.open returns null, as under a pop-up blocker. */
  async function blockedPage(t, server) {
    const url = await hostPages(t, customerPage(server.siteUrl));
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    const context = await browser.newContext({ ...devices['iPhone 13'] });
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

// ---------------------------------------------------------------------------------------
// The FULL dialog: keyboard, the manual link, ClickOnce, phones.

describe('the full-client dialog', () => {
  test('keyboard: focus moves in, Tab is trapped, Escape closes, focus returns', async (t) => {
    const server = await withServer(t);
    const admin = await rep(server.siteUrl);
    await admin.available();
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    const context = await browser.newContext({ ...devices['iPhone 13'] });
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

// ---------------------------------------------------------------------------------------
// A good guest on the customer's page.

describe('a good guest', () => {
  test('a strict CSP that allows the site: no violation, styled dialog, chat pop-up', async (t) => {
    const server = await withServer(t);
    const site = server.siteUrl;
    // The brief's policy plus frame-src for the download frame (docs/start_session_js.md).
    const csp = `default-src 'self'; script-src 'self' ${site}; style-src 'self' ${site}; connect-src ${site}; frame-src ${site}`;
    const url = await hostPages(t, Object.fromEntries(Object.entries(customerPage(site)).map(([p, r]) => [p, { ...r, headers: { 'content-security-policy': csp } }])));
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
