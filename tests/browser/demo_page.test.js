// The demo customer website: the page a company would host, served by the demo listener
// (a different origin from the Beckon site, as in real deployments) and at /demo on the site.
//
// Page errors are deliberately not asserted here: until /api/start_session.js exists the
// page gets a 404 for it and `BG is not defined`. Behaviour of BG.start belongs in its own tests.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser } from './lib/suite.js';

const EXAMPLE_BUTTONS = [
  'ex-full-session-key',
  'ex-full-rep',
  'ex-full-session-key-custom',
  'ex-full-session-key-locale',
  'ex-full-issue-id',
  'ex-full-issue-code',
  'ex-full-issue-form',
  'ex-chat-session-key',
  'ex-chat-fallback',
];

// The reference's "Example issue form", in order.
const ISSUE_FORM_INPUTS = [
  ['codeName', 'Other'],
  ['skills', 'skill1,skill2'],
  ['customer.name', 'Customer Name'],
  ['customer.company', 'Company Name'],
  ['customer.company_code', 'Company Code'],
  ['customer.details', 'Issue Details'],
  ['session.custom.external_key', 'abc123'],
  ['session.custom.custom_field1', 'Custom Value'],
  ['session.custom.custom_field2', '123'],
];

const SCREENSHOT = join(process.env.BECKON_SCREENSHOT_DIR || tmpdir(), 'demo.png');

describe('demo customer website', () => {
  const suite = serverAndBrowser();

  // Everything the page exposes that the tests check, read in one evaluate round trip.
  async function inspect(url) {
    const page = await suite.browser.newPage();
    try {
      const response = await page.goto(url, { waitUntil: 'load' });
      assert.equal(response.status(), 200, `GET ${url}`);
      const facts = await page.evaluate(() => {
        const link = (id) => {
          const a = document.getElementById(id);
          return a && { href: a.href, target: a.target, rel: a.rel };
        };
        const form = document.getElementById('formID');
        return {
          compatMode: document.compatMode,
          buttonIds: [...document.querySelectorAll('button[id^="ex-"]')].map((b) => b.id),
          buttonTypes: [...document.querySelectorAll('button[id^="ex-"]')].map((b) => b.type),
          sameWindow: link('ex-link-same-window'),
          newTab: link('ex-link-new-tab'),
          formInputs: form && [...form.querySelectorAll('input')].map((i) => [i.type, i.name, i.value]),
          scriptSrcs: [...document.querySelectorAll('script[src]')].map((s) => s.src),
        };
      });
      return { page, facts };
    } catch (err) {
      await page.close();
      throw err;
    }
  }

  function assertDemoPage(facts, siteUrl) {
    assert.equal(facts.compatMode, 'CSS1Compat', 'the reference requires a standards-mode doctype');
    assert.deepEqual(facts.buttonIds, EXAMPLE_BUTTONS, 'one button per reference example, in order');
    assert.ok(facts.buttonTypes.every((t) => t === 'button'), 'example buttons must not submit forms');

    const chatLink = new URL('/api/start_session?id=12&name=John&c2cjs=1', siteUrl).href;
    assert.ok(facts.sameWindow, 'missing #ex-link-same-window');
    assert.equal(facts.sameWindow.href, chatLink);
    assert.notEqual(facts.sameWindow.target, '_blank');
    assert.ok(facts.newTab, 'missing #ex-link-new-tab');
    assert.equal(facts.newTab.href, chatLink);
    assert.equal(facts.newTab.target, '_blank');
    assert.ok(facts.newTab.rel.split(/\s+/).includes('noopener'), `rel="${facts.newTab.rel}" lacks noopener`);

    assert.ok(facts.formInputs, 'missing form#formID');
    assert.deepEqual(facts.formInputs, ISSUE_FORM_INPUTS.map(([name, value]) => ['hidden', name, value]));

    assert.deepEqual(facts.scriptSrcs, [new URL('/api/start_session.js', siteUrl).href]);
  }

  test('is served at the root of the demo origin', async () => {
    assert.notEqual(new URL(suite.server.demoUrl).port, new URL(suite.server.siteUrl).port, 'demo must be a separate origin');
    const { page, facts } = await inspect(`${suite.server.demoUrl}/`);
    try {
      assertDemoPage(facts, suite.server.siteUrl);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    } finally {
      await page.close();
    }
  });

  test('is served at /demo on the site itself', async () => {
    const { page, facts } = await inspect(`${suite.server.siteUrl}/demo`);
    await page.close();
    assertDemoPage(facts, suite.server.siteUrl);

    // Same template, same settings: the two must be byte-identical, not merely similar.
    const [fromDemo, fromSite] = await Promise.all(
      [`${suite.server.demoUrl}/`, `${suite.server.siteUrl}/demo`].map(async (url) => (await fetch(url)).text()),
    );
    assert.equal(fromSite, fromDemo);
  });
});
