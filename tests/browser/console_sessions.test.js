// The representative console working sessions in a real browser, against the real server:
// each start method reaching the right queue, accepting, chatting both ways with typing
// indicators, transfer, invitations, ending, the race of two accepts, the side panel with
// every field as text (XSS payloads included), tabs by keyboard, and reload resuming. A dropped
// console socket, and the previous owner after a transfer, are in console_resume.test.js.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser } from './lib/suite.js';
import {
  PANEL, accept, customer, customerSays, customerSees, endMine, field, item, openConsole, q, ready, say, seen,
} from './lib/console.js';

const T = { timeout: 60_000 };
const SHOTS = process.env.BECKON_SCREENSHOT_DIR || tmpdir();

describe('console sessions', () => {
  const suite = serverAndBrowser();

  test('an issue session reaches the team queue, rings, and is chatted in both ways with typing', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const { page } = admin;
    await page.click('#enable-notifications');
    await page.waitForSelector('#enable-notifications', { state: 'hidden' });
    const chimes = await page.evaluate(() => Number(document.getElementById('console').dataset.chimes || 0));

    const ann = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Ann Issue', 'customer.company': 'Acme', locale: 'de' }));
    const entry = item(page, 'Ann Issue');
    await entry.waitFor();
    const group = page.locator('.queue-group', { has: entry });
    assert.match(await group.locator('h3').textContent(), /General Support/);
    const text = await entry.textContent();
    for (const part of ['Acme', 'My printer does not print', 'Chat', 'German (de)', 'Waiting']) {
      assert.ok(text.includes(part), `queue entry shows ${part}: ${text}`);
    }
    // Offered to Admin (the only available member) with a countdown from the team's 60 s.
    await entry.locator('.qi-offer').waitFor();
    assert.match(await entry.locator('.qi-offer').textContent(), /Offered to you · 0:[0-5]\d left/);
    const waited = await entry.locator('[data-since]').textContent();
    await page.waitForFunction((w) => document.querySelector('.queue-item [data-since]')?.textContent !== w, waited);
    await page.waitForFunction((n) => Number(document.getElementById('console').dataset.chimes) > n, chimes);
    const notes = await page.evaluate(() => window.__notifications);
    assert.ok(notes.some((n) => n.body.includes('Ann Issue')), JSON.stringify(notes));

    await accept(page, 'Ann Issue');
    assert.equal(await item(page, 'Ann Issue').count(), 0, 'accepted sessions leave the queue');
    await customerSees(ann.page, 'Admin');
    await customerSays(ann.page, 'Hallo, <b>mein Drucker</b>');
    await seen(page, 'Hallo, <b>mein Drucker</b>', '.msg-customer');
    await say(page, 'Guten Tag, ich helfe gern.');
    await customerSees(ann.page, 'Guten Tag, ich helfe gern.');
    await page.waitForSelector(`${PANEL} .msg-me:not(.pending)`);

    // Typing, both ways: a second customer socket listens and types.
    const token = await ann.page.getAttribute('main.chat', 'data-token');
    await ann.page.evaluate((t) => new Promise((resolve) => {
      const ws = new WebSocket(`ws://${location.host}/api/chat/ws?token=${t}`);
      window.__typing = [];
      ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', v: 1, after: 1_000_000 }));
      ws.onmessage = (m) => { const d = JSON.parse(m.data); if (d.type === 'typing') window.__typing.push(d); if (d.type === 'welcome') resolve(); };
      window.__ws = ws;
    }), token);
    await page.type(`${PANEL} .composer-input`, 'Einen Moment');
    await ann.page.waitForFunction(() => window.__typing.some((t) => t.active && t.from === 'rep'));
    await ann.page.evaluate(() => window.__ws.send(JSON.stringify({ type: 'typing', active: true })));
    await page.waitForFunction((sel) => document.querySelector(`${sel} .typing`).textContent === 'Customer is typing…', PANEL);
    await ann.page.evaluate(() => window.__ws.send(JSON.stringify({ type: 'typing', active: false })));
    await page.waitForFunction((sel) => document.querySelector(`${sel} .typing`).textContent === '', PANEL);

    // The end, confirmed in the page.
    await page.click(`${PANEL} button:has-text("End session")`);
    await page.waitForSelector('#end-dialog[open]');
    await page.click('#end-dialog button:has-text("Cancel")');
    assert.equal(await page.locator('#end-dialog[open]').count(), 0);
    await page.click(`${PANEL} button:has-text("End session")`);
    await page.click('#end-dialog button[type=submit]');
    await ann.page.waitForFunction(() => document.getElementById('chat-input').disabled);
    await page.waitForSelector(`${PANEL} .session-state:has-text("This session has ended.")`);
    assert.match(await page.locator('[role=tab]', { hasText: 'Ann Issue' }).textContent(), /Ended/);
    await page.click(`${PANEL} button:has-text("Close tab")`);
    assert.equal(await page.locator('[role=tab]').count(), 0);
    await admin.clean();
    await admin.context.close();
    await ann.context.close();
  });

  test('a session key and the rep selector reach my queue; transfer hands over to John', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const john = await openConsole(suite.browser, suite.server, 'john');
    const kim = await customer(suite.browser, suite.server, q({ short_key: '8347482', 'customer.name': 'Kim Key' }));
    await item(admin.page, 'Kim Key').waitFor();
    const group = admin.page.locator('.queue-group', { has: item(admin.page, 'Kim Key') });
    assert.match(await group.locator('h3').textContent(), /My queue/);
    assert.equal(await item(john.page, 'Kim Key').count(), 0, 'not in John\'s queues');

    // The rep selector needs Admin available: refused while away, accepted once available.
    await admin.page.selectOption('#presence', 'away');
    await admin.page.waitForFunction(() => document.getElementById('console').dataset.presence === 'away');
    const refused = await fetch(`${suite.server.siteUrl}/api/start_session?${q({ id: '30', name: 'Admin' })}`, { headers: { accept: 'application/json' } });
    assert.notEqual(refused.status, 200);
    await admin.page.selectOption('#presence', 'available');
    await admin.page.waitForFunction(() => document.getElementById('console').dataset.presence === 'available');
    const rita = await customer(suite.browser, suite.server, q({ id: '30', name: 'Admin', 'customer.name': 'Rita Rep' }));
    await item(admin.page, 'Rita Rep').waitFor();
    assert.match(await admin.page.locator('.queue-group', { has: item(admin.page, 'Rita Rep') }).locator('h3').textContent(), /My queue/);
    await accept(admin.page, 'Rita Rep');
    assert.equal(await field(admin.page, 'start_method'), 'Representative selector');

    await accept(admin.page, 'Kim Key');
    assert.equal(await field(admin.page, 'start_method'), 'Session key');
    assert.equal(await admin.page.locator('[role=tab]').count(), 2, 'two sessions at once');
    await customerSays(kim.page, 'Is anyone there?');
    await seen(admin.page, 'Is anyone there?');

    // Transfer to John with a note.
    await admin.page.click(`${PANEL} button:has-text("Transfer")`);
    await admin.page.waitForSelector('#transfer-dialog[open]');
    assert.match(await admin.page.locator('#transfer-target option[value="rep:12"]').textContent(), /John/);
    await admin.page.selectOption('#transfer-target', 'rep:12');
    await admin.page.fill('#transfer-note', 'Printer expert needed');
    await admin.page.click('#transfer-dialog button[type=submit]');
    await admin.page.waitForSelector('#transfer-dialog', { state: 'hidden' });
    await admin.page.waitForSelector(`${PANEL} .session-state:has-text("You transferred this session")`);
    assert.equal(await admin.page.locator(`${PANEL} .composer`).isVisible(), false);

    await item(john.page, 'Kim Key').waitFor();
    assert.match(await john.page.locator('.queue-group', { has: item(john.page, 'Kim Key') }).locator('h3').textContent(), /My queue/);
    await accept(john.page, 'Kim Key');
    await seen(john.page, 'Admin transferred the session to you');
    await seen(john.page, 'Note: Printer expert needed');
    await seen(john.page, 'Is anyone there?');
    await say(john.page, 'John here, hello Kim');
    await customerSees(kim.page, 'John here, hello Kim');
    await customerSays(kim.page, 'Thanks John');
    await seen(john.page, 'Thanks John');

    await john.page.click(`${PANEL} button:has-text("End session")`);
    await john.page.click('#end-dialog button[type=submit]');
    await kim.page.waitForFunction(() => document.getElementById('chat-input').disabled);
    await john.page.waitForSelector(`${PANEL} .session-state:has-text("This session has ended.")`);

    await admin.page.locator('[role=tab]', { hasText: 'Rita Rep' }).click();
    await say(admin.page, 'Hello Rita');
    await customerSees(rita.page, 'Hello Rita');
    await endMine(admin.page);
    await admin.clean();
    await john.clean();
    for (const c of [admin, john, kim, rita]) await c.context.close();
  });

  test('two consoles accept at once: one wins, the other is told', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const john = await openConsole(suite.browser, suite.server, 'john');
    const cara = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Cara Race' }));
    await item(admin.page, 'Cara Race').waitFor();
    await item(john.page, 'Cara Race').waitFor();
    const click = (p) => p.evaluate(() => {
      const li = [...document.querySelectorAll('.queue-item')].find((x) => x.textContent.includes('Cara Race'));
      li.querySelector('button.accept').click();
    });
    await Promise.all([click(admin.page), click(john.page)]);
    const outcome = async (p) => {
      await p.waitForFunction(() => [...document.querySelectorAll('[role=tab], .notice')]
        .some((el) => /Cara Race|already took/.test(el.textContent)));
      return (await p.locator('[role=tab]', { hasText: 'Cara Race' }).count()) ? 'won' : 'lost';
    };
    const results = await Promise.all([outcome(admin.page), outcome(john.page)]);
    assert.deepEqual([...results].sort(), ['lost', 'won'], `exactly one wins: ${results}`);
    const loser = results[0] === 'lost' ? admin.page : john.page;
    assert.equal(await loser.locator('.notice').first().textContent().then((t) => t.includes('Another representative already took this session')), true);
    assert.equal(await item(loser, 'Cara Race').count(), 0, 'removed from the loser\'s queue');
    await endMine(admin.page);
    await endMine(john.page);
    await admin.clean();
    await john.clean();
    for (const c of [admin, john, cara]) await c.context.close();
  });

  test('the side panel shows every field as text, and markup from customers stays text', T, async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const x = await customer(suite.browser, suite.server, q({
      issue_menu: '1', id: '12', skills: 'skill2', locale: 'fr',
      'customer.name': `Xena ${payload}`, 'customer.company': `Co ${payload}`,
      'customer.company_code': `CC ${payload}`, 'customer.details': `Details ${payload}`,
      external_key: `EK ${payload}`, 'session.custom.custom_field1': `CF1 ${payload}`,
      'session.custom.custom_field2': '123',
    }), 'https://shop.example.com/help?topic=printer');
    const entry = item(admin.page, 'Xena');
    await entry.waitFor();
    assert.equal(await entry.locator('.qi-name').textContent(), `Xena ${payload}`);
    assert.equal(await entry.locator('.qi-company').textContent(), `Co ${payload} · CC ${payload}`);
    await entry.locator('button.accept').click();
    await admin.page.waitForSelector('[role=tab][aria-selected=true]');
    const p = admin.page;
    assert.equal(await p.locator('[role=tab][aria-selected=true] .tab-label').textContent(), `Xena ${payload}`);
    assert.equal(await p.locator(`${PANEL} .session-title`).textContent(), `Xena ${payload}`);
    const expected = {
      'customer.name': `Xena ${payload}`,
      'customer.company': `Co ${payload}`,
      'customer.company_code': `CC ${payload}`,
      'customer.details': `Details ${payload}`,
      issue: 'My printer does not print',
      queue: 'General Support',
      start_method: 'Issue',
      start_type: 'Chat',
      locale: 'French (fr)',
      skills: 'skill2',
      external_key: `EK ${payload}`,
      'custom.custom_field1': `CF1 ${payload}`,
      'custom.custom_field2': '123',
      page_url: 'https://shop.example.com/help?topic=printer',
      client_ip: '127.0.0.1',
    };
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(await field(p, key), value, `side panel field ${key}`);
    }
    assert.deepEqual(
      await p.locator(`${PANEL} .field[data-field^="custom."] dt`).allTextContents(),
      ['Custom Field 1', 'Custom Field 2'], 'custom fields under their display names');
    assert.match(await field(p, 'lsid'), /^\S+$/);
    await customerSays(x.page, `Chat ${payload}`);
    await seen(p, `Chat ${payload}`, '.msg-customer');
    await say(p, `Reply ${payload}`);
    await customerSees(x.page, `Reply ${payload}`);
    await p.waitForTimeout(300);
    await endMine(p);
    await admin.clean();
    assert.deepEqual(x.dialogs, []);
    await admin.context.close();
    await x.context.close();
  });

  test('invitations: a colleague joins, chats and leaves; notes stay with representatives', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const john = await openConsole(suite.browser, suite.server, 'john');
    const ivy = await customer(suite.browser, suite.server, q({ short_key: '7683902', 'customer.name': 'Ivy Invite' }));
    await item(admin.page, 'Ivy Invite').waitFor();
    await accept(admin.page, 'Ivy Invite');
    await admin.page.fill(`${PANEL} .note-form textarea`, 'Customer is a VIP');
    await admin.page.click(`${PANEL} .note-form button`);
    await seen(admin.page, 'Customer is a VIP', '.note');
    assert.match(await admin.page.locator(`${PANEL} .note`).textContent(), /Internal note · Admin \(demo\)/);

    await admin.page.click(`${PANEL} button:has-text("Invite")`);
    await admin.page.waitForSelector('#invite-dialog[open]');
    await admin.page.selectOption('#invite-rep', '12');
    await admin.page.click('#invite-dialog button[type=submit]');
    await admin.page.waitForSelector('#invite-dialog', { state: 'hidden' });
    await seen(admin.page, 'Admin invited John');

    const invitation = john.page.locator('#invitation-list .queue-item', { hasText: 'Ivy Invite' });
    await invitation.waitFor();
    await invitation.locator('button.join').click();
    await john.page.waitForSelector('[role=tab]:has-text("Ivy Invite")');
    await seen(john.page, 'Customer is a VIP', '.note');
    assert.equal(await john.page.locator(`${PANEL} button:has-text("Transfer")`).count(), 0, 'only the owner transfers');
    await say(john.page, 'John joining in');
    await seen(admin.page, 'John joining in', '.msg-rep');
    await customerSees(ivy.page, 'John joining in');
    await ivy.page.waitForTimeout(300);
    assert.equal(await ivy.page.locator('#chat-log li', { hasText: 'VIP' }).count(), 0, 'the customer never sees notes');

    await john.page.click(`${PANEL} button:has-text("Leave session")`);
    await john.page.waitForSelector(`${PANEL} .session-state:has-text("You left this session.")`);
    await seen(admin.page, 'John left the session');

    // Elevation is asked from the console and shown in the log.
    await admin.page.click(`${PANEL} button:has-text("Ask to elevate")`);
    await seen(admin.page, 'You asked the customer to start the full client');

    // A transfer to a team lands in that team's queue.
    await admin.page.click(`${PANEL} button:has-text("Transfer")`);
    await admin.page.selectOption('#transfer-target', 'team:2');
    await admin.page.click('#transfer-dialog button[type=submit]');
    await seen(admin.page, 'You transferred the session to Technical Support');
    const teamEntry = john.page.locator('.queue-group[data-queue="team:2"] .queue-item', { hasText: 'Ivy Invite' });
    await teamEntry.waitFor();
    assert.match(await john.page.locator('.queue-group[data-queue="team:2"] h3').textContent(), /Technical Support/);
    await teamEntry.locator('button.accept').click();
    // John's tab of the session he left comes back to life, with what he missed.
    await john.page.waitForSelector('[role=tab][aria-selected=true]:has-text("Ivy Invite")');
    await john.page.locator(`${PANEL} .composer`).waitFor();
    await seen(john.page, 'Admin transferred the session to Technical Support');
    assert.equal(await john.page.locator('[role=tab]', { hasText: 'Ivy Invite' }).count(), 1);
    await endMine(john.page);
    await admin.clean();
    await john.clean();
    for (const c of [admin, john, ivy]) await c.context.close();
  });

  test('tabs work by keyboard, and a reloaded console resumes its sessions with each message once', T, async () => {
    const admin = await openConsole(suite.browser, suite.server, 'demo-admin');
    const { page } = admin;
    const one = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Olga One' }));
    const two = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Tom Two' }));
    await accept(page, 'Olga One');
    await customerSays(one.page, 'First from Olga');
    await seen(page, 'First from Olga');
    await say(page, 'First to Olga');
    await customerSees(one.page, 'First to Olga');
    await accept(page, 'Tom Two');
    await customerSays(one.page, 'Second from Olga');
    // A message in the other tab marks it unread.
    await page.waitForSelector('[role=tab]:has-text("Olga One") .tab-badge.unread');

    const shot = await customer(suite.browser, suite.server, q({ issue_menu: '1', id: '12', 'customer.name': 'Wendy Waiting', 'customer.company': 'Northwind Traders' }));
    await item(page, 'Wendy Waiting').waitFor();
    await page.locator('[role=tab]', { hasText: 'Olga One' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'console-session.png') });

    // Arrow keys move between tabs; only the selected tab is in the tab order.
    await page.focus('[role=tab][aria-selected=true]');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Tom Two');
    assert.equal(await page.getAttribute('[role=tab]:has-text("Tom Two")', 'aria-selected'), 'true');
    assert.equal(await page.getAttribute('[role=tab]:has-text("Olga One")', 'tabindex'), '-1');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('[role=tab]:has-text("Olga One")', 'aria-selected'), 'true');
    assert.equal(await page.locator('[role=tab]:has-text("Olga One") .tab-badge.unread').count(), 0, 'read once shown');
    await page.keyboard.press('End');
    assert.equal(await page.getAttribute('[role=tab]:has-text("Tom Two")', 'aria-selected'), 'true');

    const count = async (name, text) => page.locator(`[role=tabpanel]:has(.session-title:text-is("${name}")) .chat-log li`, { hasText: text }).count();
    await page.reload();
    await ready(page);
    await page.waitForSelector('[role=tab]:has-text("Olga One")');
    await page.waitForSelector('[role=tab]:has-text("Tom Two")');
    assert.equal(await page.getAttribute('[role=tab]:has-text("Tom Two")', 'aria-selected'), 'true', 'the selected tab is kept');
    await page.locator(`[role=tabpanel]:has(.session-title:text-is("Olga One")) .chat-log li`, { hasText: 'Second from Olga' }).waitFor({ state: 'attached' });
    assert.equal(await page.locator('[role=tab]:has-text("Olga One") .tab-badge.unread').count(), 0, 'replayed messages are not new');
    await page.locator('[role=tab]', { hasText: 'Olga One' }).click();
    await seen(page, 'Second from Olga');
    await page.waitForTimeout(1000);
    for (const text of ['First from Olga', 'First to Olga', 'Second from Olga', 'accepted the session']) {
      assert.equal(await count('Olga One', text), 1, `once after reload: ${text}`);
    }
    await customerSays(one.page, 'Third from Olga');
    await seen(page, 'Third from Olga');
    await say(page, 'Still here');
    await customerSees(one.page, 'Still here');
    await page.waitForTimeout(500);
    assert.equal(await count('Olga One', 'Third from Olga'), 1);
    assert.equal(await count('Olga One', 'Still here'), 1);
    await endMine(page);
    await admin.clean();
    for (const c of [admin, one, two, shot]) await c.context.close();
  });
});
