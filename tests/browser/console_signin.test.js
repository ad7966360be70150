// The representative console's sign-in page in a real browser: the generic error, the
// console shell after a good sign-in, sign-out, throttling after five failures, and the API's
// CSRF header rule as seen from the console page.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serverAndBrowser } from './lib/suite.js';

const PASSWORD = process.env.BECKON_DEMO_PASSWORD || 'demo-password-123';
const T = { timeout: 60_000 };

/** Records page errors, alert() dialogs and CSP violations of a page. */
async function watch(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  });
  return problems;
}

async function axe(page) {
  const require = createRequire(import.meta.url);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function submitLogin(page, username, password) {
  await page.fill('#username', username);
  await page.fill('#password', password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/console/login')),
    page.click('#login-form button[type=submit]'),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response;
}

describe('console sign-in', () => {
  const suite = serverAndBrowser();

  test('a wrong password shows the generic error and the right one opens the console', T, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const problems = await watch(context);
    const page = await context.newPage();
    await page.goto(`${suite.server.siteUrl}/console`);
    assert.deepEqual(await axe(page), [], 'sign-in form: no serious or critical axe violations');

    const wrong = await submitLogin(page, 'demo-admin', 'not-the-password');
    assert.equal(wrong.status(), 401);
    const wrongText = await page.textContent('#login-error');
    assert.match(wrongText, /Wrong username or password/);
    const unknown = await submitLogin(page, 'nobody-here', 'whatever');
    assert.equal(unknown.status(), 401);
    assert.equal(await page.textContent('#login-error'), wrongText, 'no account probing');

    const ok = await submitLogin(page, 'demo-admin', PASSWORD);
    assert.equal(ok.status(), 303);
    await page.waitForSelector('#console[data-ready="1"]');
    assert.equal(await page.textContent('#me'), 'Admin (demo)');
    await page.waitForFunction(() => document.getElementById('console').dataset.presence === 'available');
    assert.equal(await page.inputValue('#presence'), 'available');
    assert.equal(await page.textContent('#connection'), 'Online');
    assert.ok(await page.isVisible('#sign-out'));
    assert.deepEqual(await axe(page), [], 'empty console: no serious or critical axe violations');

    // The select follows a change, and the server has it (seen by a colleague).
    await page.selectOption('#presence', 'busy');
    await page.waitForFunction(() => document.getElementById('console').dataset.presence === 'busy');
    const john = await suite.browser.newContext();
    const johnPage = await john.newPage();
    await johnPage.goto(`${suite.server.siteUrl}/console`);
    await submitLogin(johnPage, 'john', PASSWORD);
    const status = await johnPage.evaluate(async () => {
      const r = await (await fetch('/api/rep/colleagues')).json();
      return r.colleagues.find((c) => c.id === 30).status;
    });
    assert.equal(status, 'busy');
    await john.close();

    await Promise.all([page.waitForURL(/\/console$/), page.click('#sign-out')]);
    await page.waitForSelector('#login-form');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the API refuses state changes without the CSRF header, even from the console', T, async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.server.siteUrl}/console`);
    await submitLogin(page, 'demo-admin', PASSWORD);
    await page.waitForSelector('#console[data-ready="1"]');
    const [without, withHeader] = await page.evaluate(async () => {
      const body = JSON.stringify({ ttl_secs: 600 });
      const a = await fetch('/api/rep/session-keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const b = await fetch('/api/rep/session-keys', { method: 'POST', headers: { 'content-type': 'application/json', 'x-beckon-csrf': '1' }, body });
      return [{ status: a.status, body: await a.json() }, { status: b.status }];
    });
    assert.equal(without.status, 403);
    assert.equal(without.body.error.code, 'csrf');
    assert.equal(withHeader.status, 201);
    await context.close();
  });

  test('five failed sign-ins throttle the account', T, async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.server.siteUrl}/console`);
    for (let i = 0; i < 5; i++) {
      assert.equal((await submitLogin(page, 'john', `wrong-${i}`)).status(), 401);
    }
    const throttled = await submitLogin(page, 'john', PASSWORD);
    assert.equal(throttled.status(), 429);
    assert.match(await page.textContent('#login-error'), /Too many failed sign-ins\. Try again in \d+ minutes?\./);
    assert.equal(await page.locator('#console').count(), 0, 'still the sign-in form');
    await context.close();
  });
});
