// Connection trouble on the chat page in real Chromium: going offline mid-conversation,
// a socket cut right after the server stored a message but before its ack arrived, a dead
// connection found by the heartbeat, and a session that ended while the customer was away.
// Nothing may be lost, nothing shown or stored twice, and the order must be the server's.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import {
  JOHN, assertSameAsServer, openChat, openPage, poll, proxySockets, queued, screenshot, send, shownChats, signIn, startChat,
  storedChats, waitConnected, waitForItem, watchDuplicates,
} from './chat_support.test.js';

describe('chat connection trouble', () => {
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

  test('offline mid-conversation: messages wait, then arrive once and in order', { timeout: 40_000 }, async () => {
    const { session, context, page, problems } = await activeChat();
    const dups = await watchDuplicates(page);
    await send(page, 'one');
    await john.say(session.lsid, 'two');
    await waitForItem(page, 'two');
    await waitForItem(page, 'one');

    await context.setOffline(true);
    await page.waitForFunction(() => document.getElementById('chat-conn').textContent
      === 'You are offline. Your messages will be sent when the connection returns.');
    for (const text of ['three', 'four', 'five']) await send(page, text);
    await screenshot(page, 'offline-640');
    const waiting = (await shownChats(page)).filter((m) => m.pending).map((m) => m.text);
    assert.deepEqual(waiting, ['three', 'four', 'five'], 'shown at once, marked pending');
    assert.equal(await page.locator('#chat-list li.pending .msg-state').first().textContent(), 'Sending…');
    await john.say(session.lsid, 'six, written while the customer was away');

    await context.setOffline(false);
    await waitForItem(page, 'six, written');
    await page.waitForFunction(() => !document.querySelector('#chat-list li.pending'));
    await page.waitForFunction(() => document.getElementById('chat-conn').textContent === '', null, { timeout: 8000 });
    const stored = await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(stored.map((m) => m.text), ['one', 'two', 'six, written while the customer was away', 'three', 'four', 'five']);
    assert.deepEqual(await dups.check(), [], 'never shown twice, not even for a moment');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a cut after the server stored a message but before its ack: stored once, shown once', { timeout: 40_000 }, async () => {
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openPage(suite.browser);
    const links = await proxySockets(page);
    await page.goto(session.url);
    await waitConnected(page);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');
    await send(page, 'before');
    await waitForItem(page, 'before');
    const dups = await watchDuplicates(page);

    // The server stores the next message, but neither its ack nor anything after reaches the
    // page before the line breaks.
    links.at(-1).deaf = true;
    await send(page, 'lost ack');
    await poll(async () => (await storedChats(john, session.lsid)).some((m) => m.text === 'lost ack'), 'the message stored');
    assert.ok((await shownChats(page)).find((m) => m.text === 'lost ack').pending, 'no ack, still pending');
    await john.say(session.lsid, 'answer during the cut');

    const cut = links.at(-1);
    await cut.server.close({ code: 1011, reason: 'test cut' });
    await cut.ws.close({ code: 4000, reason: 'test cut' });
    await page.waitForFunction(() => !document.querySelector('#chat-list li.pending'), null, { timeout: 15_000 });
    await waitForItem(page, 'answer during the cut');
    assert.ok(links.length >= 2, 'the page reconnected');
    await send(page, 'after');
    await waitForItem(page, 'after');

    const stored = await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(stored.map((m) => m.text), ['before', 'lost ack', 'answer during the cut', 'after']);
    assert.deepEqual(await dups.check(), [], 'never shown twice, not even for a moment');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a dead connection (no answer to a ping) is replaced', { timeout: 40_000 }, async () => {
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openPage(suite.browser);
    await page.clock.install();
    const links = await proxySockets(page);
    await page.goto(session.url);
    await waitConnected(page);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');

    const dups = await watchDuplicates(page);

    // The line goes silent without closing, as a phone leaving Wi-Fi does.
    links.at(-1).deaf = true;
    await send(page, 'into the silence');
    // The server hears the deaf line: the message is stored (its ack is what gets lost)
    // before John answers, so the order below is the order they were written.
    await poll(async () => (await storedChats(john, session.lsid)).some((m) => m.text === 'into the silence'), 'the message stored');
    await john.say(session.lsid, 'are you there?');
    await page.clock.fastForward(20_000); // the heartbeat pings
    assert.equal(links.length, 1);
    await page.clock.fastForward(10_500); // no answer within 10 s: dead
    await page.waitForFunction(() => document.getElementById('chat-conn').textContent.length > 0);
    await page.clock.fastForward(1_000); // the first retry
    await poll(() => links.length >= 2, 'a new connection');
    await waitForItem(page, 'are you there?');
    await page.waitForFunction(() => !document.querySelector('#chat-list li.pending'));
    const stored = await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(stored.map((m) => m.text), ['into the silence', 'are you there?']);
    assert.deepEqual(await dups.check(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a session that ended while the customer was offline shows as ended', { timeout: 40_000 }, async () => {
    const { session, context, page, problems } = await activeChat();
    await context.setOffline(true);
    await page.waitForFunction(() => document.getElementById('chat-conn').textContent.startsWith('You are offline'));
    await john.end(session.lsid);
    await context.setOffline(false);
    await page.waitForSelector('#chat-ended:not([hidden])', { timeout: 15_000 });
    assert.ok(await page.$eval('#chat-input', (el) => el.disabled));
    assert.equal(await page.getAttribute('#chat-transcript-txt', 'href'), `/chat/${session.token}/transcript.txt`);
    assert.deepEqual(problems.filter((p) => !p.includes('WebSocket')), []);
    await context.close();
  });
});
