// The customer's whole journey on the chat page in real Chromium: greeting, queue position and
// wait updated live, a representative joins, messages both ways with localized time stamps,
// typing both ways, invitation, join, leave and transfer notices, the end with the page's own
// confirmation, and both transcript downloads.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serverAndBrowser } from './lib/suite.js';
import {
  ADMIN, JOHN, logItems, openChat, poll, queued, screenshot, send, signIn, startChat, storedChats, waitForItem,
} from './chat_support.test.js';

describe('the chat journey', () => {
  const suite = serverAndBrowser();

  test('from the queue to the transcript', { timeout: 55_000 }, async () => {
    const john = await signIn(suite.server.siteUrl, JOHN);
    const admin = await signIn(suite.server.siteUrl, ADMIN);
    await john.available();
    await admin.available();

    // Someone else is waiting already: this customer is number 2.
    const first = await startChat(suite.server.siteUrl);
    const other = await openChat(suite.browser, first);
    const session = await startChat(suite.server.siteUrl);
    const { context, page, problems } = await openChat(suite.browser, session);

    await page.waitForSelector('#chat-list li.greeting');
    assert.equal((await logItems(page))[0].text, 'Hello! Thank you for contacting us.');
    await page.waitForFunction(() => document.getElementById('chat-queue').textContent === 'You are number 2 in the queue.');
    assert.equal(await page.textContent('#chat-state-main'), 'Please wait, a representative will be with you shortly.');
    await screenshot(page, 'journey-queued-640');

    // The first customer is taken: the position and a wait estimate follow without a reload.
    await john.accept(first.lsid);
    await page.waitForFunction(() => document.getElementById('chat-queue').textContent
      === 'You are number 1 in the queue. Estimated wait: less than a minute.', null, { timeout: 12_000 });
    await other.context.close();

    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');
    await page.waitForFunction(() => document.getElementById('chat-state-main').textContent === '');

    // The customer types: the representative sees it, and it stops when the message is sent.
    await page.type('#chat-input', 'Hello, my printer ');
    await poll(async () => (await john.events(session.lsid)).customer_typing === true, 'customer typing');
    await page.type('#chat-input', 'prints only blank pages.');
    await page.press('#chat-input', 'Enter');
    await waitForItem(page, 'Hello, my printer prints only blank pages.');
    await poll(async () => (await john.events(session.lsid)).customer_typing === false, 'customer typing to stop on send');

    // The representative types, then answers: the indicator names them and goes with the answer.
    await john.typing(session.lsid, true);
    await page.waitForFunction(() => document.getElementById('chat-typing').textContent === 'John is typing…');
    await john.say(session.lsid, 'Sorry to hear that. Which model is it?');
    await waitForItem(page, 'Which model is it?');
    assert.equal(await page.textContent('#chat-typing'), '');

    // Each message has its author and a machine-readable, locale-formatted time.
    const items = (await logItems(page)).filter((i) => /\bmsg\b/.test(i.cls));
    assert.deepEqual(items.map((i) => [i.who, i.text]), [
      ['You', 'Hello, my printer prints only blank pages.'],
      ['John', 'Sorry to hear that. Which model is it?'],
    ]);
    for (const item of items) {
      const at = new Date(item.datetime);
      assert.ok(!Number.isNaN(at.getTime()) && Math.abs(Date.now() - at.getTime()) < 60_000, item.datetime);
      const expected = await page.evaluate((iso) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso)), item.datetime);
      assert.equal(item.time, expected);
    }

    // Typing indicators fade on their own: the representative's after 6 s without a refresh,
    // the customer's after 4 s without a keystroke.
    await john.typing(session.lsid, true);
    await page.waitForFunction(() => document.getElementById('chat-typing').textContent === 'John is typing…');
    const repTypedAt = Date.now();
    await page.type('#chat-input', 'It is a');
    await poll(async () => (await john.events(session.lsid)).customer_typing === true, 'customer typing again');
    const typedAt = Date.now();
    await poll(async () => (await john.events(session.lsid)).customer_typing === false, 'customer typing to time out', { timeoutMs: 7000 });
    assert.ok(Date.now() - typedAt >= 3500, 'not before 4 s of idleness');
    await page.waitForFunction(() => document.getElementById('chat-typing').textContent === '', null, { timeout: 8000 });
    assert.ok(Date.now() - repTypedAt >= 5000, 'the indicator lasts its 6 s');
    await page.fill('#chat-input', '');

    // John invites Admin, who joins, helps and leaves; then John transfers the customer to Admin.
    await john.invite(session.lsid, ADMIN.id);
    await waitForItem(page, 'Admin was invited to the chat.');
    await admin.join(session.lsid);
    await waitForItem(page, 'Admin joined the chat.');
    await admin.say(session.lsid, 'Admin here, I know printers well.');
    await admin.leave(session.lsid);
    await waitForItem(page, 'Admin left the chat.');
    await john.transfer(session.lsid, `rep:${ADMIN.id}`, 'customer has a broken printer');
    await waitForItem(page, 'You are being transferred to another representative. Please wait.');
    await page.waitForFunction(() => document.getElementById('chat-state-main').textContent.length > 0);
    await queued(admin, session.lsid);
    await admin.accept(session.lsid);
    await page.waitForFunction(() => document.querySelectorAll('#chat-list li.system').length === 6);
    const notices = (await logItems(page)).filter((i) => i.cls === 'system').map((i) => i.text);
    assert.deepEqual(notices, [
      'John joined the chat.',
      'Admin was invited to the chat.',
      'Admin joined the chat.',
      'Admin left the chat.',
      'You are being transferred to another representative. Please wait.',
      'Admin joined the chat.',
    ]);
    assert.ok(!(await page.textContent('main')).includes('broken printer'), 'the transfer note is for representatives');
    assert.ok(await page.$eval('#chat-log', (l) => l.scrollHeight - l.scrollTop - l.clientHeight < 2), 'the newest is in view');
    await screenshot(page, 'journey-active-640');

    // The customer ends the chat; the page asks first, in its own dialog.
    await page.click('#chat-end');
    await page.waitForSelector('#chat-end-dialog[open]');
    assert.equal(await page.textContent('#chat-end-question'), 'Do you want to end this chat?');
    await page.click('#chat-end-dialog button[value="cancel"]');
    await page.waitForFunction(() => !document.getElementById('chat-end-dialog').open);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-end', 'focus returns to the button');
    await page.click('#chat-end');
    await page.click('#chat-end-confirm');
    await page.waitForSelector('#chat-ended:not([hidden])');
    assert.ok(await page.$eval('#chat-input', (el) => el.disabled));
    assert.equal(await page.textContent('#chat-ended-text'), 'The support session has ended. Thank you!');
    assert.equal(await page.textContent('#chat-state-main'), 'The support session has ended. Thank you!');
    assert.equal((await admin.events(session.lsid)).session.state, 'ended');
    await screenshot(page, 'journey-ended-640');

    // Both transcripts download and hold the conversation.
    for (const [link, file] of [['#chat-transcript-txt', 'chat-transcript.txt'], ['#chat-transcript-html', 'chat-transcript.html']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(link)]);
      assert.equal(download.suggestedFilename(), file);
      const body = await readFile(await download.path(), 'utf8');
      assert.ok(body.includes('Hello, my printer prints only blank pages.'), body);
      assert.ok(body.includes('Which model is it?'), body);
    }

    const stored = await storedChats(admin, session.lsid);
    assert.equal(stored.filter((m) => m.from === 'customer').length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
