// Reloading the chat page resumes the same session and shows its history exactly once, also
// when a message was in doubt at the moment of the reload (stored without an ack reaching
// the page, or not sent at all). The re-rendered history is not announced again.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import {
  JOHN, assertSameAsServer, logItems, openPage, poll, proxySockets, queued, send, shownChats, signIn, startChat,
  storedChats, waitConnected, waitForItem, watchDuplicates,
} from './chat_support.test.js';

describe('reloading the chat page', () => {
  const suite = serverAndBrowser();
  let john;
  before(async () => {
    john = await signIn(suite.server.siteUrl, JOHN);
    await john.available();
  });

  async function activeChat() {
    const session = await startChat(suite.server.siteUrl);
    const opened = await openPage(suite.browser);
    const links = await proxySockets(opened.page);
    await opened.page.goto(session.url);
    await waitConnected(opened.page);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(opened.page, 'John joined the chat.');
    return { session, links, ...opened };
  }

  async function reload(page) {
    await page.reload();
    await waitConnected(page);
    const dups = await watchDuplicates(page);
    // The replay is over once nothing is pending and the log speaks again.
    await page.waitForFunction(() => !document.querySelector('#chat-list li.pending')
      && document.getElementById('chat-log').getAttribute('aria-live') === 'polite');
    return dups;
  }

  test('the history comes back once, in order, without being announced again', { timeout: 30_000 }, async () => {
    const { session, context, page, problems } = await activeChat();
    await send(page, 'first question');
    await waitForItem(page, 'first question');
    await john.say(session.lsid, 'first answer https://example.com/help');
    await send(page, 'second question');
    await waitForItem(page, 'second question');
    await waitForItem(page, 'first answer');
    const before = await logItems(page);
    const seqKey = `beckon-seq-${session.token}`;
    const newest = Math.max(...before.map((i) => i.seq ?? 0));
    await poll(async () => Number(await page.evaluate((k) => sessionStorage.getItem(k), seqKey)) === newest,
      'the last sequence number shown kept per tab');

    // While re-rendering, the log is not a live region: the history was heard before.
    await page.addInitScript(() => {
      window.__liveDuringReplay = [];
      new MutationObserver(() => {
        const log = document.getElementById('chat-log');
        if (log?.querySelector('li.msg')) window.__liveDuringReplay.push(log.getAttribute('aria-live'));
      }).observe(document, { childList: true, subtree: true });
    });
    const dups = await reload(page);
    await waitForItem(page, 'second question');
    const afterReload = await logItems(page);
    assert.deepEqual(afterReload.map((i) => [i.cls, i.text, i.seq]), before.map((i) => [i.cls, i.text, i.seq]));
    assert.equal(afterReload.filter((i) => i.cls === 'greeting').length, 1);
    const live = await page.evaluate(() => window.__liveDuringReplay);
    assert.equal(live[0], 'off', `history rendered silently (${live})`);
    assert.equal(await page.getAttribute('#chat-log', 'aria-live'), 'polite');

    // New events after the reload are shown (and announced) as usual.
    await john.say(session.lsid, 'still here?');
    await waitForItem(page, 'still here?');
    await send(page, 'yes');
    await waitForItem(page, 'yes');
    await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(await dups.check(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a message stored without an ack before the reload is shown and stored once', { timeout: 30_000 }, async () => {
    const { session, links, context, page, problems } = await activeChat();
    await send(page, 'hello');
    await waitForItem(page, 'hello');
    links.at(-1).deaf = true;
    await send(page, 'in doubt');
    await poll(async () => (await storedChats(john, session.lsid)).some((m) => m.text === 'in doubt'), 'the message stored');
    assert.ok((await shownChats(page)).find((m) => m.text === 'in doubt').pending);

    const dups = await reload(page);
    await waitForItem(page, 'in doubt');
    const stored = await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(stored.map((m) => m.text), ['hello', 'in doubt']);
    await poll(async () => await page.evaluate((k) => sessionStorage.getItem(k), `beckon-outbox-${session.token}`) === null,
      'the outbox to empty (the resend acked)');
    assert.deepEqual(await dups.check(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a message that never reached the server before the reload is sent after it', { timeout: 30_000 }, async () => {
    const { session, links, context, page, problems } = await activeChat();
    await send(page, 'hello');
    await waitForItem(page, 'hello');
    links.at(-1).mute = true;
    await send(page, 'not sent yet');
    await john.say(session.lsid, 'meanwhile');
    await waitForItem(page, 'meanwhile');
    assert.ok((await shownChats(page)).find((m) => m.text === 'not sent yet').pending);

    const dups = await reload(page);
    await waitForItem(page, 'not sent yet');
    const stored = await assertSameAsServer(page, john, session.lsid);
    assert.deepEqual(stored.map((m) => m.text), ['hello', 'meanwhile', 'not sent yet']);
    assert.deepEqual(await dups.check(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
