// Everything that reaches the chat page from other people is shown as text: the customer's
// name from the website, representatives' messages, transfer notes, and left messages. No
// script runs, no markup is made; only http(s) URLs become links, safely built.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './lib/suite.js';
import { ADMIN, JOHN, openChat, queued, send, signIn, startChat, waitForItem } from './chat_support.test.js';

const XSS = `<img src=x onerror="alert('img')"><script>alert('script')</script><svg onload="alert('svg')"></svg>"'&amp;`;

/** Elements that text must never turn into, anywhere in the page. */
function injected(page) {
  return page.evaluate(() => [...document.querySelectorAll('img, script:not([src]):not([type="application/json"]), svg, iframe, object, embed, [onerror], [onload], [onclick]')]
    .map((el) => el.outerHTML.slice(0, 80)));
}

describe('the chat page shows text as text', () => {
  const suite = serverAndBrowser();
  let john;
  let admin;
  before(async () => {
    john = await signIn(suite.server.siteUrl, JOHN);
    admin = await signIn(suite.server.siteUrl, ADMIN);
  });

  test('names, messages and transfer notes with markup stay text; links are safe', { timeout: 40_000 }, async () => {
    await john.available();
    await admin.available();
    const session = await startChat(suite.server.siteUrl, { issue_menu: '1', id: '12', 'customer.name': XSS.slice(0, 90) });
    const { context, page, problems } = await openChat(suite.browser, session);
    await queued(john, session.lsid);
    await john.accept(session.lsid);
    await waitForItem(page, 'John joined the chat.');

    await john.say(session.lsid, `${XSS} from John`);
    await john.say(session.lsid, 'Links: https://example.com/a?b=1&c=<b>2</b>, (see https://example.org/x_(y)). '
      + 'Not links: javascript:alert(1) data:text/html,<script>alert(1)</script> <a href="javascript:alert(2)">x</a>');
    await send(page, `${XSS} from the customer`);
    await john.transfer(session.lsid, `rep:${ADMIN.id}`, `${XSS} note`);
    await queued(admin, session.lsid);
    await admin.accept(session.lsid);
    await admin.say(session.lsid, `${XSS} from Admin`);
    await waitForItem(page, 'from Admin');
    await waitForItem(page, 'from the customer');

    const bodies = await page.$$eval('#chat-list .msg-body', (els) => els.map((e) => e.textContent));
    for (const who of ['from John', 'from the customer', 'from Admin']) assert.ok(bodies.includes(`${XSS} ${who}`), who);
    assert.ok(!(await page.textContent('body')).includes(`${XSS} note`), 'transfer notes are for representatives');

    const links = await page.$$eval('#chat-list a', (as) => as.map((a) => ({
      href: a.getAttribute('href'), text: a.textContent, rel: a.rel, target: a.target,
    })));
    assert.deepEqual(links, [
      { href: 'https://example.com/a?b=1&c=', text: 'https://example.com/a?b=1&c=', rel: 'noopener noreferrer', target: '_blank' },
      { href: 'https://example.org/x_(y)', text: 'https://example.org/x_(y)', rel: 'noopener noreferrer', target: '_blank' },
    ]);
    assert.deepEqual(await injected(page), []);

    // The transcripts carry the text: raw in the text file, escaped in the web page.
    const txt = await (await fetch(`${session.url}/transcript.txt`)).text();
    assert.ok(txt.includes(`${XSS} from John`));
    const html = await (await fetch(`${session.url}/transcript.html`)).text();
    assert.ok(!html.includes('<img') && !html.includes('<script>alert') && html.includes('&lt;img'), 'the HTML transcript escapes');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a left message with markup stays text', { timeout: 30_000 }, async () => {
    await john.away();
    await admin.away();
    const session = await startChat(suite.server.siteUrl, { issue_menu: '1', id: '12', 'customer.name': '<b>Bob</b>' });
    const { context, page, problems } = await openChat(suite.browser, session);
    await page.click('#chat-leave-open');
    await page.fill('#leave-name', XSS.slice(0, 100));
    await page.fill('#leave-contact', '<img src=x onerror=alert(1)>@example.com');
    await page.fill('#leave-text', `${XSS} left`);
    await page.click('#chat-leave-send');
    await page.waitForSelector('#chat-list li.left');
    assert.equal(await page.textContent('#chat-list li.left .msg-body'), `${XSS} left`);
    assert.equal(await page.textContent('#chat-list li.left .msg-from'),
      `${XSS.slice(0, 100).trim()} · <img src=x onerror=alert(1)>@example.com`);
    assert.deepEqual(await injected(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
