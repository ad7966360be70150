// Issue 12, item 4: every payload of the shared corpus (tests/corpus/injection.json, also sent
// through the APIs by crates/beckon/tests/injection/) wherever it reaches a page: customer
// fields from a plain link and from BG.start, chat messages both ways, and names that
// administrators set (teams, issues, representatives' display names, teams' "nobody is
// available" texts) in the console, the chat window and the administration pages.
//
// A trap is set in every page: the payloads call pwned('<id>') (exposed to the page) or
// alert() (caught as a dialog); images and remote loads are caught as requests; inline script
// blocked by the CSP shows as a securitypolicyviolation. Any of these fails the test, and every
// place must show the payload as typed (textContent, or a form field's value).

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { serverAndBrowser } from './lib/suite.js';
import { ADMIN, DEMO_PASSWORD, poll, signIn, waitConnected } from './chat_support.test.js';

const corpus = JSON.parse(readFileSync(new URL('../corpus/injection.json', import.meta.url), 'utf8'));
const PAYLOADS = corpus.payloads;
const T = { timeout: 90_000 };
const PANEL = '[role=tabpanel]:not([hidden])';

/** What a <textarea> gives back of a text: the browser turns CR LF and lone CR into LF. */
const viaTextarea = (s) => s.replace(/\r\n?/g, '\n');

/**
 * A browser context in which every page is trapped. `check()` fails the test on anything the
 * trap caught, in any page of the context.
 */
async function trapped(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  // A bound, not a timing claim: 63 pages in a row on a busy 2-core machine need headroom.
  context.setDefaultTimeout(30_000);
  const caught = [];
  await context.exposeFunction('pwned', (id) => { caught.push(`pwned(${id})`); });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const watch = (page) => {
    page.on('dialog', (d) => { caught.push(`dialog ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
    page.on('pageerror', (e) => caught.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to (execute|load|apply)/i.test(m.text())) caught.push(`console: ${m.text()}`);
    });
    // <img src=x>, //x.invalid and javascript: loads that markup would make.
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/x' || /(^|\.)x\.(invalid|test)$/.test(u.hostname) || u.protocol === 'javascript:') {
        caught.push(`request: ${r.url()}`);
      }
    });
  };
  context.on('page', watch);
  return {
    context,
    async check(page, where) {
      const csp = page.isClosed() ? [] : await page.evaluate(() => window.__csp);
      assert.deepEqual([...caught, ...csp], [], `${where}: script ran, or markup was made`);
      if (!page.isClosed()) assert.deepEqual(await injected(page), [], `${where}: injected elements`);
    },
  };
}

/** Elements that text must never become. */
function injected(page) {
  return page.evaluate(() => [...document.querySelectorAll(
    'img, svg, iframe, object, embed, noscript, meta[http-equiv], base, style:not([data-app]) ~ style, [onerror], [onload], [onfocus], [onmouseover], [autofocus][onfocus], a[href^="javascript" i], a[href^="data" i]',
  )].map((el) => el.outerHTML.slice(0, 80)));
}

/** Signs in through the console's form in a (trapped) context; returns the page. */
async function consoleLogin(context, siteUrl, username) {
  const page = await context.newPage();
  await page.goto(`${siteUrl}/console`);
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL(/\/console$/), page.click('#login-form button[type=submit]')]);
  return page;
}

/** The trimmed texts of every element inside `root` of the page. */
function texts(page, root = 'main') {
  return page.$$eval(`${root} *`, (els) => els.map((e) => e.textContent.trim()));
}

describe('injection payloads in pages', () => {
  const suite = serverAndBrowser();
  let token;
  /** Per payload index: ids of what it named, or null where the server refused the name. */
  const made = [];

  const api = async (method, path, body) => {
    const r = await fetch(`${suite.server.siteUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    assert.ok(r.status < 500, `${method} ${path}: ${r.status} ${text}`);
    return { status: r.status, body: JSON.parse(text) };
  };

  /** Creates with `body`; a refused name must be a 422 naming one of `fields`. */
  const create = async (kind, body, fields, fallback) => {
    let r = await api('POST', `/api/config/v1/${kind}`, body);
    if (r.status === 201) return { id: r.body.id, ok: true };
    assert.equal(r.status, 422, `${kind}: ${JSON.stringify(r.body)}`);
    assert.ok(fields.includes(r.body.error.field), `${kind}: refusal names ${r.body.error.field}`);
    r = await api('POST', `/api/config/v1/${kind}`, { ...body, ...fallback });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return { id: r.body.id, ok: false };
  };

  before(async () => {
    const { stdout } = await promisify(execFile)(process.env.BECKON_BIN, [
      'admin', 'create-api-account', '--data-dir', suite.server.dataDir, '--name', 'injection', '--command', 'full', '--json',
    ]);
    const creds = JSON.parse(stdout);
    const r = await fetch(`${suite.server.siteUrl}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', ...creds }),
    });
    token = (await r.json()).access_token;
    // Per payload: a team (name, comments, "nobody available" text) with the demo admin in
    // it, an issue of that team, and a representative, each named with the payload.
    for (const [k, p] of PAYLOADS.entries()) {
      const team = await create('team', {
        name: p.text, code_name: `inj${k}`, comments: p.text, unavailable_message: p.text, members: [ADMIN.id], persistent_queue: true,
      }, ['name', 'comments', 'unavailable_message'], { name: `Team ${k}`, comments: '', unavailable_message: '' });
      const issue = await create('issue', { code_name: `inj${k}`, description: p.text, team_id: team.id },
        ['description'], { description: `Issue ${k}` });
      // Users for every third payload only: each hashes a password (slow in a debug build);
      // the chat test shows every payload as a representative's name.
      const user = k % 3 ? { ok: false } : await create('user', {
        username: `inj${k}`, public_display_name: p.text, private_display_name: p.text, password: 'inj-password-1',
      }, ['public_display_name', 'private_display_name'], { public_display_name: `User ${k}`, private_display_name: `User ${k}` });
      made.push({ team, issue, user });
    }
    // Markup, templates and look-alikes are names like any other: most are taken.
    assert.ok(made.filter((m) => m.team.ok && m.issue.ok).length * 2 > PAYLOADS.length);
  });

  test('customer fields from a plain link show as typed in the chat page and the console', T, async () => {
    // Runs first: nobody of the payload teams has signed in yet, so the chat page shows each
    // team's own text.
    const customer = await trapped(suite.browser, { viewport: { width: 640, height: 480 } });
    const page = await customer.context.newPage();
    const lsids = new Map();
    for (const [k, p] of PAYLOADS.entries()) {
      const v = p.text;
      const q = new URLSearchParams({
        c2cjs: '1', issue_menu: '1', codeName: `inj${k}`,
        'customer.name': v, 'customer.company': v, 'customer.company_code': v, 'customer.details': v,
        'session.custom.custom_field1': v, external_key: v,
      });
      const r = await page.goto(`${suite.server.siteUrl}/api/start_session?${q}`);
      assert.match(page.url(), /\/chat\/[0-9a-f]{32}$/, `${p.id}: ${r.status()} ${await page.textContent('body')}`);
      await waitConnected(page);
      if (made[k].team.ok) {
        await page.waitForFunction((x) => document.getElementById('chat-state-main').textContent === x, v, { timeout: 3000 })
          .catch(() => {});
        assert.equal(await page.textContent('#chat-state-main'), v, `${p.id}: the team's text in the chat page`);
      }
      await customer.check(page, `chat page ${p.id}`);
      const token = page.url().split('/chat/')[1];
      lsids.set(token, k);
    }

    const rep = await trapped(suite.browser);
    const con = await consoleLogin(rep.context, suite.server.siteUrl, ADMIN.username);
    await con.waitForSelector('#console[data-ready="1"]');
    const mine = await signIn(suite.server.siteUrl, ADMIN);
    const queued = (await poll(async () => {
      const q = await (await mine.api('/api/rep/queue')).json();
      const ours = q.sessions.filter((s) => s.customer.name && PAYLOADS.some((p) => p.text === s.customer.name));
      return ours.length >= PAYLOADS.length && ours;
    }, 'every payload session queued'));
    await poll(async () => (await con.locator('.queue-item').count()) >= PAYLOADS.length, 'the console lists them');
    const items = await con.$$eval('.queue-item', (lis) => lis.map((li) => ({
      lsid: li.dataset.lsid,
      name: li.querySelector('.qi-name')?.textContent,
      company: li.querySelector('.qi-company')?.textContent,
      issue: li.querySelector('.qi-issue')?.textContent,
    })));
    const byLsid = new Map(queued.map((s) => [s.lsid, PAYLOADS.findIndex((p) => p.text === s.customer.name)]));
    for (const it of items.filter((i) => byLsid.has(i.lsid))) {
      const k = byLsid.get(it.lsid);
      const v = PAYLOADS[k].text;
      const id = PAYLOADS[k].id;
      assert.equal(it.name, v, `${id}: queue name`);
      assert.equal(it.company, `${v} · ${v}`, `${id}: queue company`);
      if (made[k].issue.ok) assert.equal(it.issue, v, `${id}: queue issue`);
    }
    await rep.check(con, 'console queue');

    // Each session's side panel, tab and title.
    const field = (key) => con.locator(`${PANEL} .field[data-field="${key}"] dd`).textContent();
    for (const s of queued) {
      const k = byLsid.get(s.lsid);
      const { id, text: v } = PAYLOADS[k];
      await con.locator(`.queue-item[data-lsid="${s.lsid}"] button.accept`).click();
      await con.waitForFunction((lsid) => document.querySelector('[role=tabpanel]:not([hidden])')?.dataset.lsid === lsid
        || [...document.querySelectorAll('[role=tabpanel]:not([hidden]) .field[data-field="lsid"] dd')].some((d) => d.textContent === lsid), s.lsid);
      assert.equal(await con.locator('[role=tab][aria-selected=true] .tab-label').textContent(), v, `${id}: tab`);
      assert.equal(await con.locator(`${PANEL} .session-title`).textContent(), v, `${id}: title`);
      for (const key of ['customer.name', 'customer.company', 'customer.company_code', 'customer.details', 'external_key', 'custom.custom_field1']) {
        assert.equal(await field(key), v, `${id}: side panel ${key}`);
      }
      if (made[k].issue.ok) assert.equal(await field('issue'), v, `${id}: side panel issue`);
      if (made[k].team.ok) assert.equal(await field('queue'), v, `${id}: side panel queue`);
      await mine.end(s.lsid);
    }
    await rep.check(con, 'console side panels');
    await rep.context.close();
    await customer.context.close();
  });

  test('names administrators set show as typed on the administration pages', T, async () => {
    const trap = await trapped(suite.browser);
    const page = await consoleLogin(trap.context, suite.server.siteUrl, ADMIN.username);
    const lists = {};
    for (const path of ['teams', 'issues', 'users']) {
      await page.goto(`${suite.server.siteUrl}/login/${path}`);
      lists[path] = new Set(await texts(page));
      await trap.check(page, `/login/${path}`);
    }
    for (const [k, p] of PAYLOADS.entries()) {
      const m = made[k];
      if (m.team.ok) assert.ok(lists.teams.has(p.text), `${p.id}: team name in the list`);
      if (m.issue.ok) assert.ok(lists.issues.has(p.text), `${p.id}: issue description in the list`);
      if (m.user.ok) assert.ok(lists.users.has(`${p.text}`), `${p.id}: display name in the list`);
      // In form fields: attribute values and textarea contents.
      if (m.team.ok) {
        await page.goto(`${suite.server.siteUrl}/login/teams/${m.team.id}`);
        assert.equal(await page.getAttribute('#f-name', 'value'), p.text, `${p.id}: team form name`);
        assert.equal(await page.inputValue('#f-comments'), viaTextarea(p.text), `${p.id}: team form comments`);
        assert.equal(await page.inputValue('#f-unavailable_message'), viaTextarea(p.text), `${p.id}: team form message`);
        await trap.check(page, `team form ${p.id}`);
      }
    }
    // The customer-facing issue menu.
    await page.goto(`${suite.server.siteUrl}/`);
    const portal = new Set(await texts(page, 'body'));
    for (const [k, p] of PAYLOADS.entries()) {
      if (made[k].issue.ok) assert.ok(portal.has(p.text), `${p.id}: issue in the portal's menu`);
    }
    await trap.check(page, 'portal');
    await trap.context.close();
  });

  test('customer fields from BG.start reach the server exactly and run nothing', T, async () => {
    const customer = await trapped(suite.browser, { viewport: { width: 800, height: 600 } });
    const page = await customer.context.newPage();
    await page.goto(`${suite.server.demoUrl}/`);
    const admin = await signIn(suite.server.siteUrl, ADMIN);
    for (const p of PAYLOADS) {
      const v = p.text;
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/start_session') && r.request().method() === 'POST');
      const popup = page.waitForEvent('popup');
      await page.evaluate((x) => BG.start(BG.START_TYPE.CHAT, {
        issue: { id: 12 },
        customer: { name: x, company: x, company_code: x, details: x },
        attributes: { external_key: x, custom_field1: x },
      }), v);
      const res = await answer;
      assert.equal(res.status(), 200, `${p.id}: ${await res.text()}`);
      const { lsid } = await res.json();
      const chat = await popup;
      await chat.waitForURL(/\/chat\//);
      await waitConnected(chat);
      await customer.check(chat, `BG.start chat page ${p.id}`);
      await chat.close();
      const { session } = await admin.events(lsid);
      assert.deepEqual(
        [session.customer.name, session.customer.company, session.customer.company_code, session.customer.details,
          session.external_key, session.attributes.custom_field1],
        [v, v, v, v, v, v], `${p.id}: what BG.start sent`,
      );
    }
    await customer.check(page, 'the page that called BG.start');
    await customer.context.close();
  });

  test('chat messages both ways and representatives\' names show as typed', T, async () => {
    const customer = await trapped(suite.browser, { viewport: { width: 640, height: 480 } });
    const page = await customer.context.newPage();
    const q = new URLSearchParams({ c2cjs: '1', issue_menu: '1', id: '12', 'customer.name': 'Chatty' });
    await page.goto(`${suite.server.siteUrl}/api/start_session?${q}`);
    await page.waitForURL(/\/chat\/[0-9a-f]{32}$/);
    await waitConnected(page);

    const rep = await trapped(suite.browser);
    const con = await consoleLogin(rep.context, suite.server.siteUrl, ADMIN.username);
    await con.waitForSelector('#console[data-ready="1"]');
    const item = con.locator('.queue-item', { hasText: 'Chatty' });
    await item.locator('button.accept').click();
    await con.waitForSelector(`${PANEL} .session-title`);
    const lsid = await con.locator(`${PANEL} .field[data-field="lsid"] dd`).textContent();
    const admin = await signIn(suite.server.siteUrl, ADMIN);
    const names = [];
    for (const [k, p] of PAYLOADS.entries()) {
      await page.fill('#chat-input', p.text);
      await page.press('#chat-input', 'Enter');
      // The representative says it under a display name that is the payload.
      const r = await api('PATCH', `/api/config/v1/user/${ADMIN.id}`, { public_display_name: p.text });
      names.push(r.status === 200 ? p.text : null);
      await admin.say(lsid, p.text);
      // A connection may send a burst of 10 messages: a reload starts a new one.
      if (k % 10 === 9) {
        await page.waitForFunction((c) => document.querySelectorAll('#chat-list li.msg:not(.pending)').length >= c, 2 * (k + 1));
        await page.reload();
        await waitConnected(page);
      }
    }
    const n = 2 * PAYLOADS.length;
    await page.waitForFunction((c) => document.querySelectorAll('#chat-list li.msg:not(.pending)').length >= c, n);
    const shown = await page.$$eval('#chat-list li.msg', (lis) => lis.map((li) => ({
      rep: li.classList.contains('rep'),
      who: li.querySelector('.msg-who')?.textContent,
      text: li.querySelector('.msg-body')?.textContent,
    })));
    const fromRep = shown.filter((m) => m.rep);
    const fromMe = shown.filter((m) => !m.rep);
    assert.deepEqual(fromMe.map((m) => m.text), PAYLOADS.map((p) => viaTextarea(p.text)), 'the customer\'s own messages');
    assert.deepEqual(fromRep.map((m) => m.text), PAYLOADS.map((p) => p.text), 'the representative\'s messages');
    for (const [k, m] of fromRep.entries()) {
      if (names[k]) assert.equal(m.who, names[k], `${PAYLOADS[k].id}: the representative's name`);
    }
    await customer.check(page, 'chat page');

    await con.waitForFunction((c) => document.querySelectorAll('[role=tabpanel]:not([hidden]) .chat-log li.msg').length >= c, n);
    const inConsole = await con.$$eval(`${PANEL} .chat-log li.msg`, (lis) => lis.map((li) => ({
      customer: li.classList.contains('msg-customer'),
      text: li.querySelector('.msg-text')?.textContent,
    })));
    assert.deepEqual(inConsole.filter((m) => m.customer).map((m) => m.text), PAYLOADS.map((p) => viaTextarea(p.text)), 'the console: the customer\'s');
    assert.deepEqual(inConsole.filter((m) => !m.customer).map((m) => m.text), PAYLOADS.map((p) => p.text), 'the console: the representative\'s');
    await rep.check(con, 'console chat');
    await api('PATCH', `/api/config/v1/user/${ADMIN.id}`, { public_display_name: ADMIN.name });
    await admin.end(lsid);
    await rep.context.close();
    await customer.context.close();
  });
});
