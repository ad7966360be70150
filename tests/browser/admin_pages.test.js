// The administration pages in a real browser, driven with the keyboard only (Tab, Space,
// Enter and typing): create a user, a team and an issue, see a field error, delete with a
// confirmation, and check that every control has a label.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';

const PASSWORD = process.env.BECKON_DEMO_PASSWORD || 'demo-password-123';

/** Presses Tab until the focused element matches `selector` (it must be reachable). */
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} cannot be reached with Tab on ${page.url()}`);
}

/** Tabs to a field and types into it. */
async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Tabs to a select and moves through its options with the arrow keys until `label`. */
async function choose(page, selector, label) {
  await tabTo(page, selector);
  for (let i = 0; i < 20; i++) {
    const current = await page.evaluate((s) => document.querySelector(s).selectedOptions[0]?.textContent, selector);
    if (current === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${label} in ${selector}`);
}

/** Focuses the start of the page, as after a fresh load. */
async function fromTop(page) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.focus('body').catch(() => {});
}

/** Problems a screen-reader user would meet: unlabelled controls, broken references. */
async function accessibilityProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    if (!document.documentElement.lang) problems.push('no lang on <html>');
    if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
    const ids = new Set();
    for (const el of document.querySelectorAll('[id]')) {
      if (ids.has(el.id)) problems.push(`duplicate id ${el.id}`);
      ids.add(el.id);
    }
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const named = el.labels?.length > 0 || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!named) problems.push(`no label for ${el.outerHTML.slice(0, 80)}`);
      for (const ref of (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(ref)) problems.push(`aria-describedby ${ref} missing`);
      }
    }
    for (const box of document.querySelectorAll('input[type=checkbox][name=teams], input[type=checkbox][name=skills], input[type=checkbox][name=members], input[type=checkbox][name=events]')) {
      if (!box.closest('fieldset')?.querySelector('legend')) problems.push(`group box ${box.id} outside a fieldset with a legend`);
    }
    for (const a of document.querySelectorAll('a')) {
      if (!a.textContent.trim() && !a.getAttribute('aria-label')) problems.push('a link without text');
    }
    for (const b of document.querySelectorAll('button')) {
      if (!b.textContent.trim()) problems.push('a button without text');
    }
    return problems;
  });
}

describe('administration pages', () => {
  const suite = serverAndBrowser();
  // Closed with the browser, by the suite's after hook.
  let context;
  let page;

  before(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The console's own scripts are not under test here (and navigate by themselves).
    await context.route('**/assets/js/console/**', (route) => route.abort());
    page = await context.newPage();
    page.on('pageerror', (e) => { throw e; });
    await page.goto(`${suite.server.siteUrl}/console`);
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', PASSWORD);
    // The post answers 303 and the console loads in a new document.
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    const home = await page.goto(`${suite.server.siteUrl}/login`);
    assert.equal(home.status(), 200, 'signed in as an administrator');
  });

  test('a user is created with the keyboard, after a field error beside the username', async () => {
    await page.goto(`${suite.server.siteUrl}/login/users`);
    await tabTo(page, 'a[href="/login/users/new"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/users\/new$/);

    await typeInto(page, '#f-username', 'john');
    await typeInto(page, '#f-public_display_name', 'Kim');
    await typeInto(page, '#f-password', 'kim-password-1');
    await tabTo(page, '#f-teams-1');
    await page.keyboard.press('Space');
    await tabTo(page, 'form.admin-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#error-summary');

    // The summary takes the focus and links to the field, whose error is beside it.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    assert.match(await page.textContent('#f-username-error'), /taken/);
    assert.equal(await page.getAttribute('#f-username', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#f-username', 'aria-describedby'), /f-username-error/);
    assert.equal(await page.isChecked('#f-teams-1'), true, 'the ticked team stays ticked');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#f-username');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-username', 'the link moves the focus to the field');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('kim');
    await typeInto(page, '#f-password', 'kim-password-1');
    await tabTo(page, 'form.admin-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/users\?created=1$/);
    assert.match(await page.textContent('[role=status]'), /Created/);
    assert.ok(await page.isVisible('a:text-is("kim")'));
    assert.deepEqual(await accessibilityProblems(page), []);
  });

  test('a team and an issue are created with the keyboard', async () => {
    await page.goto(`${suite.server.siteUrl}/login/teams`);
    await tabTo(page, 'a[href="/login/teams/new"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/teams\/new$/);
    assert.deepEqual(await accessibilityProblems(page), []);
    await typeInto(page, '#f-name', 'Billing');
    await typeInto(page, '#f-code_name', 'billing');
    await choose(page, '#f-routing_mode', 'Skills, then least busy: offer to a representative with the session\'s skills');
    await tabTo(page, '#f-alert_timeout_secs');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('30');
    await tabTo(page, '#f-members-1');
    await page.keyboard.press('Space');
    await tabTo(page, 'form.admin-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/teams\?created=1$/);
    assert.ok(await page.isVisible('a:text-is("Billing")'));

    await page.goto(`${suite.server.siteUrl}/login/issues/new`);
    assert.deepEqual(await accessibilityProblems(page), []);
    await typeInto(page, '#f-code_name', 'invoices');
    await typeInto(page, '#f-description', 'A question about my invoice');
    await choose(page, '#f-team_id', 'Billing');
    await typeInto(page, '#f-skills', 'skill2, skill1');
    await tabTo(page, 'form.admin-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/issues\?created=1$/);
    const row = page.locator('tr', { has: page.locator('code:text-is("invoices")') });
    assert.match(await row.textContent(), /Billing/);
    assert.match(await row.textContent(), /skill2, skill1/);
  });

  test('an issue is deleted through its confirmation page', async () => {
    await page.goto(`${suite.server.siteUrl}/login/issues`);
    const href = await page.locator('a', { has: page.locator('code:text-is("invoices")') }).getAttribute('href');
    await tabTo(page, `a[href="${href}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/issues\/\d+$/);
    await tabTo(page, 'a.danger-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/issues\/\d+\/delete$/);
    assert.match(await page.textContent('main'), /Are you sure/);
    assert.deepEqual(await accessibilityProblems(page), []);
    await tabTo(page, 'button.danger');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login\/issues\?deleted=1$/);
    assert.equal(await page.locator('code:text-is("invoices")').count(), 0);
  });

  test('every administration page labels its controls', async () => {
    const paths = [
      '/login', '/login/users', '/login/users/new', '/login/users/30', '/login/users/12/password',
      '/login/teams', '/login/teams/1', '/login/issues', '/login/issues/12', '/login/skills',
      '/login/skills/new', '/login/api', '/login/api/accounts/new', '/login/api/fields/new',
      '/login/languages', '/login/site', '/login/events', '/login/events/new', '/login/audit',
    ];
    for (const path of paths) {
      const r = await page.goto(`${suite.server.siteUrl}${path}`);
      assert.equal(r.status(), 200, path);
      assert.deepEqual(await accessibilityProblems(page), [], path);
    }
    // A page with an error too: the site form with a bad origin.
    await page.goto(`${suite.server.siteUrl}/login/site`);
    await fromTop(page);
    await tabTo(page, '#f-allowed_origins');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('ftp://nope');
    await tabTo(page, 'form.admin-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#f-allowed_origins-error');
    assert.match(await page.textContent('#f-allowed_origins-error'), /ftp:\/\/nope/);
    assert.deepEqual(await accessibilityProblems(page), []);
  });
});
