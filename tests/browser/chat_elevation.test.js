// A representative asks to elevate the chat to the full client: the customer sees who asks,
// with Accept and Decline. Accept opens the download page in a new tab (or, when popups are
// blocked, in this one) while the chat goes on; Decline says so in the log.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import { JOHN, openChat, poll, queued, send, signIn, startChat, waitForItem } from './chat_support.test.js';

describe('elevation from the chat page', () => {
  const suite = serverAndBrowser();
  let john;
  before(async () => {
    john = await signIn(suite.server.siteUrl, JOHN);
    await john.available();
  });

  async function activeChat(options) {
    const session = await startChat(suite.server.siteUrl);
    const opened = await openChat(suite.browser, session, options);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(opened.page, 'John joined the chat.');
    return { session, ...opened };
  }

  const kinds = async (lsid) => (await john.events(lsid)).events.map((e) => e.kind);

  test('accepting opens the download page in a new tab and the chat goes on', { timeout: 30_000 }, async () => {
    const { session, context, page, problems } = await activeChat();
    await john.elevate(session.lsid);
    await waitForItem(page, 'John asks to start a remote support session to help you better.');
    const card = page.locator('#chat-list li.elevation');
    assert.deepEqual(await card.locator('button').allTextContents(), ['Accept', 'Decline']);

    const [popup] = await Promise.all([context.waitForEvent('page'), card.locator('button', { hasText: 'Accept' }).click()]);
    await popup.waitForURL(`**/download/${session.token}`);
    assert.equal(await popup.evaluate(() => window.opener), null, 'the new tab cannot reach back');
    await poll(async () => (await kinds(session.lsid)).includes('elevation_accepted'), 'elevation_accepted stored');
    assert.equal(await card.locator('button').count(), 0, 'answered: no more buttons');
    const link = card.locator('a');
    assert.equal(await link.getAttribute('href'), `${new URL(session.url).origin}/download/${session.token}`);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(page.url(), session.url, 'the chat stays where it is');

    await send(page, 'The download page opened.');
    await waitForItem(page, 'The download page opened.');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with popups blocked, accepting goes to the download page in this tab', { timeout: 30_000 }, async () => {
    const { session, context, page } = await activeChat();
    await page.addInitScript(() => { window.open = () => null; });
    await page.reload();
    await john.elevate(session.lsid);
    await waitForItem(page, 'John asks to start');
    await page.click('#chat-list li.elevation button:has-text("Accept")');
    await page.waitForURL(`**/download/${session.token}`);
    // The download page leads back to the chat, which resumes the session.
    await page.click('#chat-instead');
    await waitForItem(page, 'John asks to start');
    assert.equal(await page.locator('#chat-list li.elevation button').count(), 0);
    await context.close();
  });

  test('declining tells the representative and says so in the log', { timeout: 30_000 }, async () => {
    const { session, context, page, problems } = await activeChat();
    await john.elevate(session.lsid);
    await waitForItem(page, 'John asks to start');
    // By keyboard: from the composer, Shift+Tab goes back into the log, to Decline.
    await page.focus('#chat-input');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Decline');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'chat-log', 'focus stays in the log');
    await waitForItem(page, 'You declined the remote support request.');
    await poll(async () => (await kinds(session.lsid)).includes('elevation_declined'), 'elevation_declined stored');
    assert.equal(await page.locator('#chat-list li.elevation button').count(), 0);
    assert.equal(context.pages().length, 1, 'no tab opened');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
