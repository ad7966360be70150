// Accessibility and small screens: axe-core finds no serious or critical violation while
// waiting, chatting (with a dialog open too) and after the end; the page works by keyboard
// alone; and from a 320 px phone with its on-screen keyboard up the composer stays in view.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serverAndBrowser } from './lib/suite.js';
import { JOHN, openChat, queued, screenshot, send, signIn, startChat, waitForItem } from './chat_support.test.js';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (evaluated over CDP, so the page's CSP stays on). */
async function axe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const summary = result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (summary.length) console.log(`axe ${state}: ${summary.join(' | ')}`);
  else console.log(`axe ${state}: no violations (${result.testEngine.version})`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], `axe in ${state}`);
}

/** Whether an element lies entirely inside the viewport. */
function inView(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });
}

describe('the chat page for everyone', () => {
  const suite = serverAndBrowser();

  test('axe finds nothing serious while waiting, chatting and after the end', { timeout: 50_000 }, async () => {
    // Nobody signed in yet: the notice and the leave-a-message form.
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openChat(suite.browser, session);
    await page.waitForSelector('#chat-leave-open');
    await axe(page, 'waiting, nobody available');
    await page.click('#chat-leave-open');
    await axe(page, 'leave-a-message dialog');
    await page.click('#chat-leave-close');

    const john = await signIn(suite.server.siteUrl, JOHN);
    await john.available();
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');
    await send(page, 'My printer prints blank pages.\nIt is an HP.');
    await john.say(session.lsid, 'Please try the steps at https://example.com/printer-help.');
    await john.typing(session.lsid, true);
    await john.elevate(session.lsid);
    await waitForItem(page, 'John asks to start');
    await axe(page, 'active');
    await screenshot(page, 'a11y-active-640');
    await page.setViewportSize({ width: 320, height: 640 });
    await screenshot(page, 'a11y-active-320');
    await page.setViewportSize({ width: 640, height: 480 });
    await page.click('#chat-end');
    await axe(page, 'end dialog');
    await screenshot(page, 'a11y-end-dialog-640');
    await page.click('#chat-end-confirm');
    await page.waitForSelector('#chat-ended:not([hidden])');
    await axe(page, 'ended');
    await page.setViewportSize({ width: 320, height: 640 });
    await screenshot(page, 'a11y-ended-320');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('dark mode: axe finds nothing serious either', { timeout: 30_000 }, async () => {
    const john = await signIn(suite.server.siteUrl, JOHN);
    await john.available();
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openChat(suite.browser, session, { colorScheme: 'dark' });
    await axe(page, 'dark, waiting');
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await send(page, 'Dark mode, please: https://example.com/dark');
    await john.say(session.lsid, 'Here you are: https://example.com/dark-mode');
    await john.typing(session.lsid, true);
    await john.elevate(session.lsid);
    await waitForItem(page, 'John asks to start');
    await axe(page, 'dark, active');
    await screenshot(page, 'dark-active-640');
    await john.end(session.lsid);
    await page.waitForSelector('#chat-ended:not([hidden])');
    await axe(page, 'dark, ended');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard only: tab order, Enter sends, Shift+Enter breaks the line, focus is visible', { timeout: 30_000 }, async () => {
    const john = await signIn(suite.server.siteUrl, JOHN);
    await john.available();
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openChat(suite.browser, session);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');

    const order = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { id: el.id, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      }));
    }
    assert.deepEqual(order.map((o) => o.id), ['chat-end', 'chat-log', 'chat-input', 'chat-send']);
    assert.ok(order.every((o) => o.outline), `a visible focus ring on each: ${JSON.stringify(order)}`);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('first line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    assert.equal(await page.inputValue('#chat-input'), 'first line\nsecond line');
    await page.keyboard.press('Enter');
    await waitForItem(page, 'first line\nsecond line');
    assert.equal(await page.inputValue('#chat-input'), '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'chat-input', 'ready for the next message');

    // The end, by keyboard: the dialog opens on the safe choice, Escape closes it.
    await page.focus('#chat-end');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#chat-end-dialog[open]');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'cancel');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('chat-end-dialog').open);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'chat-end');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#chat-ended:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'chat-ended', 'focus moves to what replaced the form');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'chat-transcript-txt');

    // Roles that make it speak.
    assert.equal(await page.getAttribute('#chat-log', 'role'), 'log');
    assert.equal(await page.getAttribute('#chat-status', 'role'), 'status');
    assert.equal(await page.getAttribute('#chat-notice', 'aria-live'), 'polite');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a 320 px phone: the composer stays in view, also with the on-screen keyboard up', { timeout: 30_000 }, async () => {
    const john = await signIn(suite.server.siteUrl, JOHN);
    await john.available();
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openChat(suite.browser, session, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await screenshot(page, 'phone-queued-320');
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    for (let i = 1; i <= 12; i++) await john.say(session.lsid, `Message ${i}: a long line that has to wrap on a small phone screen.`);
    await waitForItem(page, 'Message 12:');
    await send(page, 'A very long word: Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen and a link https://example.com/a/very/long/path/that/does/not/fit');
    await waitForItem(page, 'Donaudampf');

    assert.ok(await inView(page, '#chat-input'), 'the input is visible');
    assert.ok(await inView(page, '#chat-send'), 'the send button is visible');
    assert.ok(await inView(page, '#chat-end'), 'the end button is visible');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'nothing wider than the screen');
    // Scrolling follows a new message in the next frame: poll rather than race it.
    const eventually = async (fn, msg) => {
      for (let i = 0; i < 40; i++) { if (await fn()) return; await new Promise((r) => setTimeout(r, 50)); }
      assert.fail(msg);
    };
    await eventually(() => page.evaluate(() => { const l = document.getElementById('chat-log'); return l.scrollHeight - l.scrollTop - l.clientHeight < 2; }), 'the newest message is in view');
    await screenshot(page, 'phone-active-320');

    // Reading back up, a new message does not pull the reader down; back at the end, it follows.
    const atEnd = () => page.evaluate(() => { const l = document.getElementById('chat-log'); return l.scrollHeight - l.scrollTop - l.clientHeight < 2; });
    // Let any follow-scroll scheduled by the last message run first, then read from the top.
    await page.waitForTimeout(300);
    await page.$eval('#chat-log', (l) => l.scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitForFunction(() => document.getElementById('chat-log').scrollTop === 0);
    await john.say(session.lsid, 'Message 13');
    await waitForItem(page, 'Message 13');
    assert.equal(await page.$eval('#chat-log', (l) => l.scrollTop), 0, 'still reading the top');
    await page.$eval('#chat-log', (l) => l.scrollTo({ top: l.scrollHeight, behavior: 'instant' }));
    await eventually(atEnd, 'back at the end');
    await john.say(session.lsid, 'Message 14');
    await waitForItem(page, 'Message 14');
    await eventually(atEnd, 'following the newest again');

    // The on-screen keyboard takes half the screen (interactive-widget=resizes-content).
    await page.focus('#chat-input');
    await page.setViewportSize({ width: 320, height: 300 });
    await eventually(() => inView(page, '#chat-input'), 'the input is visible above the keyboard');
    assert.ok(await inView(page, '#chat-send'));
    await eventually(atEnd, 'the newest message is still in view');
    await screenshot(page, 'phone-keyboard-320');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
