// start_session.js (the BG API) in a real browser: starts that fail. Mistakes in the options
// throw an Error that names the option and the rule, and nothing opens; refusals of the server
// (and an unreachable site) reach the page and tell the customer why. Helpers: lib/start_page.js.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.js';
import { browserPerFile, closed, customerPage, hostPages, servePages, watch, withServer } from './lib/start_page.js';

const suite = browserPerFile();

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
    const context = await suite.browser.newContext();
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
    const context = await suite.browser.newContext();
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
    const context = await suite.browser.newContext();
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
    const context = await suite.browser.newContext();
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
    const context = await suite.browser.newContext();
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
    const context = await suite.browser.newContext();
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
