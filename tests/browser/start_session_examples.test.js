// start_session.js (the BG API) in a real browser: the reference's examples, clicked on the
// demo page as written, and what session each one made on the server (FULL and CHAT starts,
// the dialog's size on a desktop and a phone). Helpers: lib/start_page.js.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { devices } from 'playwright-core';
import { APP_WAIT_MS, SHOTS, browserPerFile, clickStart, rep, watch, withServer } from './lib/start_page.js';

const suite = browserPerFile();

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
    const context = await suite.browser.newContext(contextOptions);
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
      const context = await suite.browser.newContext(contextOptions);
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
      const context = await suite.browser.newContext(options);
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
