// The representative console's socket in a real browser, against the real server: a dropped
// console socket reconnects and every message since the drop arrives once (none lost, none
// repeated), and after a transfer the previous owner's tab no longer follows the session.
// Working sessions from start to end are in console_sessions.test.js.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import { PANEL, accept, customer, customerSays, customerSees, endMine, openConsole, q, say, seen } from './lib/console.js';

const T = { timeout: 60_000 };

describe('console sessions', () => {
  const suite = serverAndBrowser();

  test('a dropped console socket reconnects without losing or repeating messages', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const { page } = admin;
    const dora = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Dora Drop' }));
    await accept(page, 'Dora Drop');
    await customerSays(dora.page, 'Before the drop');
    await seen(page, 'Before the drop');
    // The console's socket goes away; the customer writes meanwhile.
    await page.evaluate(() => {
      const ws = window.__sockets.find((w) => w.url.endsWith('/api/rep/ws') && w.readyState === 1);
      ws.close();
    });
    await page.waitForSelector('#connection[data-state="offline"], #connection[data-state="connecting"]');
    await customerSays(dora.page, 'During the drop');
    await page.waitForSelector('#connection[data-state="online"]');
    await seen(page, 'During the drop');
    await customerSays(dora.page, 'After the drop');
    await seen(page, 'After the drop');
    await page.waitForTimeout(500);
    for (const text of ['Before the drop', 'During the drop', 'After the drop']) {
      assert.equal(await page.locator(`${PANEL} .chat-log li`, { hasText: text }).count(), 1, `once: ${text}`);
    }
    assert.equal(await page.evaluate(() => window.__sockets.filter((w) => w.url.endsWith('/api/rep/ws')).length), 2);
    await say(page, 'Still with you');
    await customerSees(dora.page, 'Still with you');
    await endMine(page);
    await admin.clean();
    for (const c of [admin, dora]) await c.context.close();
  });

  // The server stops streaming at the transfer itself (crates/beckon/tests/console_server/ tests the ordering);
  // here the previous owner's tab must not pick up the new owner's chat either.
  test('after a transfer the previous owner no longer follows the session', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const john = await openConsole(suite.browser, suite.server, 'john');
    const tia = await customer(suite.browser, suite.server, q({ id: '30', name: 'Admin', 'customer.name': 'Tia Transfer' }));
    await accept(admin.page, 'Tia Transfer');
    await admin.page.click(`${PANEL} button:has-text("Transfer")`);
    await admin.page.selectOption('#transfer-target', 'rep:12');
    await admin.page.click('#transfer-dialog button[type=submit]');
    await accept(john.page, 'Tia Transfer');
    await customerSays(tia.page, 'Only for John');
    await seen(john.page, 'Only for John');
    await admin.page.waitForTimeout(1500);
    const following = await admin.page.locator('.chat-log li', { hasText: 'Only for John' }).count();
    await endMine(john.page);
    for (const c of [admin, john, tia]) await c.context.close();
    assert.equal(following, 0, 'the previous owner sees the new owner\'s chat');
  });
});
