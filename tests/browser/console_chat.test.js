// The console's chat messages in a real browser: sent over the console socket (`chat`,
// answered by `chat_ack`), stored in the order written, and sent once more over the API,
// under the same id, when the socket drops before its answer, without doubling the message.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import { PANEL, accept, customer, customerSees, endMine, openConsole, q, say } from './lib/console.js';

const T = { timeout: 60_000 };

/** The texts of the customer's chat log, in order. */
const customerLog = (page) => page.$$eval('#chat-log li', (lis) => lis.map((li) => li.textContent));

describe('console chat', () => {
  const suite = serverAndBrowser();

  test('messages go over the console socket and reach the customer in the order written', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const { page } = admin;
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/messages')) posts.push(r.url()); });
    const ella = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Ella Order' }));
    await accept(page, 'Ella Order');
    // Written faster than any answer comes back.
    for (const text of ['First line', 'Second line', 'Third line']) await say(page, text);
    await customerSees(ella.page, 'Third line');
    const log = (await customerLog(ella.page)).join('\n');
    const at = ['First line', 'Second line', 'Third line'].map((t) => log.indexOf(t));
    assert.ok(at[0] >= 0 && at[0] < at[1] && at[1] < at[2], `in order: ${log}`);
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .msg-me`).length === 3
      && document.querySelectorAll(`${sel} .msg-me.pending`).length === 0, PANEL);
    assert.deepEqual(posts, [], 'no message went over the API');
    await endMine(page);
    await admin.clean();
    for (const c of [admin, ella]) await c.context.close();
  });

  test('a message whose answer the dropped socket never brought is sent over the API, once', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const { page } = admin;
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/messages')) posts.push(r.url()); });
    const finn = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Finn Fallback' }));
    await accept(page, 'Finn Fallback');
    // The socket carries the next chat message to the server, then drops before the answer.
    await page.evaluate(() => {
      const ws = window.__sockets.find((w) => w.url.endsWith('/api/rep/ws') && w.readyState === 1);
      const send = ws.send.bind(ws);
      ws.send = (data) => {
        send(data);
        if (JSON.parse(data).type === 'chat') ws.close();
      };
    });
    await say(page, 'Sent while the line dropped');
    try { await customerSees(finn.page, 'Sent while the line dropped'); } catch (e) {
      console.log('# the console when the customer did not see the message:', await page.locator(`${PANEL} .chat-log`).innerHTML(), JSON.stringify(posts), await page.evaluate(() => window.__sockets.map((w) => `${w.url} ${w.readyState}`).join(',')), await page.textContent('#connection'));
      throw e;
    }
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .msg-me:not(.pending)`).length === 1, PANEL);
    await page.waitForSelector('#connection[data-state="online"]');
    await page.waitForTimeout(500);
    const lines = (await customerLog(finn.page)).filter((t) => t.includes('Sent while the line dropped'));
    assert.equal(lines.length, 1, 'the customer sees it once');
    assert.equal(await page.locator(`${PANEL} .chat-log li`, { hasText: 'Sent while the line dropped' }).count(), 1);
    assert.equal(posts.length, 1, 'sent again over the API');
    // The reconnected socket carries the next one itself.
    await say(page, 'And the next one');
    await customerSees(finn.page, 'And the next one');
    assert.equal(posts.length, 1);
    await endMine(page);
    await admin.clean();
    for (const c of [admin, finn]) await c.context.close();
  });
});
