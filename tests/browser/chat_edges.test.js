// The chat page at its limits: nobody available (the notice and the leave-a-message form),
// sending faster than the server allows (kept pending, delivered later, once and in order),
// and messages longer than 4,000 characters.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import {
  ADMIN, JOHN, assertSameAsServer, logItems, openChat, openPage, proxySockets, queued, screenshot, signIn, startChat,
  waitConnected, waitForItem,
} from './chat_support.test.js';

describe('the chat page at its limits', () => {
  const suite = serverAndBrowser();
  let john;
  before(async () => {
    john = await signIn(suite.server.siteUrl, JOHN);
  });

  test('nobody available: the notice, and a message left for the team', { timeout: 30_000 }, async () => {
    const admin = await signIn(suite.server.siteUrl, ADMIN);
    await john.away();
    await admin.away();
    const session = await startChat(suite.server.siteUrl);
    assert.equal(session.nobody_available, true);
    const { context, page, problems } = await openChat(suite.browser, session, { viewport: { width: 320, height: 640 } });
    await page.waitForFunction(() => document.getElementById('chat-state-main').textContent
      === 'Nobody is available right now. You may stay in the queue; a representative will answer as soon as possible.');
    await page.click('#chat-leave-open');
    await page.waitForSelector('#chat-leave-dialog[open]');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'leave-name', 'the form starts at its first field');

    // The message is required; the form says so without leaving the dialog.
    await page.click('#chat-leave-send');
    assert.equal(await page.getAttribute('#leave-text', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'leave-text');
    await page.fill('#leave-name', 'Dana Doe');
    await page.fill('#leave-contact', 'dana@example.com');
    await page.fill('#leave-text', 'Please call me back about invoice 42.');
    await screenshot(page, 'leave-dialog-320');
    await page.click('#chat-leave-send');

    await page.waitForFunction(() => !document.getElementById('chat-leave-dialog').open);
    await page.waitForSelector('#chat-list li.left');
    const left = await page.textContent('#chat-list li.left');
    assert.ok(left.includes('Dana Doe · dana@example.com'), left);
    assert.ok(left.includes('Please call me back about invoice 42.'), left);
    assert.ok(left.includes('Thank you. Your message was sent to our team.'), left);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'chat-leave-open', 'focus back on the opener');
    await screenshot(page, 'leave-sent-320');

    await john.available();
    await queued(john, session.lsid);
    const { events } = await john.events(session.lsid);
    const stored = events.filter((e) => e.kind === 'customer_left_message');
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0].body, { name: 'Dana Doe', contact: 'dana@example.com', text: 'Please call me back about invoice 42.' });
    // Someone is available now: the offer goes with the next welcome (a reconnect or reload).
    await page.reload();
    await waitConnected(page);
    await page.waitForFunction(() => document.getElementById('chat-state-main').textContent
      === 'Please wait, a representative will be with you shortly.');
    assert.ok(await page.isHidden('#chat-offer'));
    await page.waitForSelector('#chat-list li.left');
    assert.equal(await page.locator('#chat-list li.left').count(), 1, 'shown once after the reload');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('too fast: messages wait for the rate limit and arrive once, in order', { timeout: 30_000 }, async () => {
    await john.available();
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openChat(suite.browser, session);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');
    const sawLimit = page.waitForFunction(() => document.getElementById('chat-notice').textContent
      === 'You are sending messages too quickly. Please wait a moment.', null, { timeout: 10_000 });
    const texts = Array.from({ length: 16 }, (_, i) => `burst ${i + 1}`);
    for (const text of texts) {
      await page.fill('#chat-input', text);
      await page.press('#chat-input', 'Enter');
    }
    await sawLimit;
    assert.ok(await page.locator('#chat-list li.pending').count() > 0, 'the refused ones stay pending');
    await page.waitForFunction(() => !document.querySelector('#chat-list li.pending'), null, { timeout: 15_000 });
    const stored = await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(stored.map((m) => m.text), texts);
    await page.waitForFunction(() => document.getElementById('chat-notice').textContent === '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at most 4,000 characters: the field stops there and a refusal says why', { timeout: 30_000 }, async () => {
    await john.available();
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openPage(suite.browser);
    const links = await proxySockets(page);
    await page.goto(session.url);
    await waitConnected(page);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');
    const tooLong = 'Your message is too long: it may have at most 4000 characters.';

    assert.equal(await page.getAttribute('#chat-input', 'maxlength'), '4000');
    await page.focus('#chat-input');
    await page.keyboard.insertText('x'.repeat(4100));
    assert.equal((await page.inputValue('#chat-input')).length, 4000);
    await page.waitForFunction((t) => document.getElementById('chat-notice').textContent === t, tooLong);
    await page.fill('#chat-input', '');

    // Should the server still refuse a message (a limit counted differently), the page says
    // why, keeps the text for editing, and does not resend it.
    let refused = 0;
    links.at(-1).fromPage = (msg) => {
      if (msg.type !== 'chat' || !msg.text.startsWith('refuse me')) return false;
      refused += 1;
      links.at(-1).ws.send(JSON.stringify({ type: 'error', code: 'invalid_message', message: 'message is longer than 4000 characters' }));
      return true;
    };
    await page.fill('#chat-input', 'refuse me please');
    await page.press('#chat-input', 'Enter');
    await page.waitForSelector('#chat-list li.failed');
    const failed = (await logItems(page)).find((i) => i.cls.includes('failed'));
    assert.equal(failed.text, 'refuse me please');
    assert.ok((await page.textContent('#chat-list li.failed')).includes(tooLong));
    assert.equal(await page.inputValue('#chat-input'), 'refuse me please', 'the text is back for editing');
    await page.fill('#chat-input', 'a shorter one');
    await page.press('#chat-input', 'Enter');
    await waitForItem(page, 'a shorter one');
    assert.equal(refused, 1, 'a refused message is not resent');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
