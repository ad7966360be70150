// The chat page in each of the 16 languages: the page's language tag, no raw message id
// anywhere a customer can see or hear it (waiting, the two dialogs, ended), and every
// message id the page's code uses present in the locale's catalog.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serverAndBrowser } from './lib/suite.js';
import { openPage, startChat, waitConnected } from './chat_support.test.js';

const CRATE = fileURLToPath(new URL('../../crates/beckon/', import.meta.url));
/** Locale codes and the BCP 47 tags the page declares for them. */
const LOCALES = {
  'en-us': 'en-US', de: 'de', es: 'es-419', 'es-sp': 'es-ES', fi: 'fi', fr: 'fr', it: 'it', ja: 'ja',
  nl: 'nl', 'pt-br': 'pt-BR', 'pt-pt': 'pt-PT', ru: 'ru', 'sv-se': 'sv-SE', tr: 'tr', 'zh-hans': 'zh-Hans', zh: 'zh-Hant',
};
const RAW_ID = /\bbg-[a-z0-9]+(?:-[a-z0-9]+)+\b/g;

/** Every message id the chat page's template and scripts refer to. */
async function idsUsed() {
  const files = [`${CRATE}templates/chat.html`, `${CRATE}assets/js/chat.js`];
  for (const f of await readdir(`${CRATE}assets/js/chat`)) files.push(`${CRATE}assets/js/chat/${f}`);
  const ids = new Set();
  for (const f of files) for (const m of (await readFile(f, 'utf8')).matchAll(/["'](bg-[a-z0-9-]+)["']/g)) ids.add(m[1]);
  return [...ids].sort();
}

/** Raw ids in what is rendered: visible text, and names given to assistive technology. */
function rawIdsShown(page) {
  return page.evaluate((re) => {
    const pattern = new RegExp(re, 'g');
    const found = new Set();
    const add = (s) => { for (const m of String(s || '').matchAll(pattern)) found.add(m[0]); };
    add(document.body.innerText);
    add(document.title);
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
      add(el.getAttribute('placeholder'));
      add(el.getAttribute('aria-label'));
      add(el.getAttribute('title'));
      add(el.getAttribute('alt'));
    }
    return [...found];
  }, RAW_ID.source);
}

describe('the chat page in every language', () => {
  const suite = serverAndBrowser();
  let used;
  before(async () => {
    used = await idsUsed();
  });

  for (const [code, tag] of Object.entries(LOCALES)) {
    test(`${code}: no missing message`, { timeout: 20_000 }, async () => {
      const session = await startChat(suite.server.siteUrl, { issue_menu: '1', id: '12', locale: code });
      assert.equal(session.locale, code);
      const { context, page, problems } = await openPage(suite.browser);
      await page.goto(session.url);
      await waitConnected(page);
      assert.equal(await page.getAttribute('html', 'lang'), tag);
      await page.waitForFunction(() => document.getElementById('chat-queue').textContent.length > 0);

      const strings = JSON.parse(await page.textContent('#chat-strings'));
      const missing = used.filter((id) => !Object.hasOwn(strings, id) || !strings[id].trim());
      const shown = new Set(await rawIdsShown(page));

      // Nobody is signed in: the leave-a-message form is offered.
      await page.click('#chat-leave-open');
      await page.waitForSelector('#chat-leave-dialog[open]');
      for (const id of await rawIdsShown(page)) shown.add(id);
      await page.click('#chat-leave-close');

      await page.click('#chat-end');
      await page.waitForSelector('#chat-end-dialog[open]');
      for (const id of await rawIdsShown(page)) shown.add(id);
      await page.click('#chat-end-confirm');
      await page.waitForSelector('#chat-ended:not([hidden])');
      for (const id of await rawIdsShown(page)) shown.add(id);

      assert.deepEqual({ missing, shown: [...shown] }, { missing: [], shown: [] }, `${code} lacks messages`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
