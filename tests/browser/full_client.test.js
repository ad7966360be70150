// The full client from end to end, as a customer and a representative meet it: a FULL start
// on a customer page downloads the real `beckon-client` (caught as the browser's download),
// the downloaded program runs in text mode, and a representative in the console accepts,
// chats both ways, asks for the system information twice (allowed, then denied) and ends the
// session, after which the client exits with status 0. The representative works in the
// real console; the customer is the real browser plus the real program.
//
// The client build is installed the way an administrator installs one, under
// `<data-dir>/clients/<os>-<arch>/`, from the freshly built binary beside the server's
// (scripts/test builds both), or from BECKON_CLIENT_BIN.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser } from './lib/suite.js';
import { LINE_MS, events, installClient, openConsole, runClient, stamped } from './lib/full_client.js';

const T = { timeout: 60_000 };
const PANEL = '[role=tabpanel]:not([hidden])';
// The trailer's magic (beckon_protocol::trailer).
const MAGIC = 'BECKONTK';
// The demo's John (seed.rs): his personal queue is rep:12.
const REP = { username: 'john', name: 'John', queue: 'rep:12' };
const CUSTOMER = 'Erika Client';

/** SHA-256 of a file's first `length` bytes, streamed (debug builds are large). */
function sha256(path, length) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { start: 0, end: length - 1 })
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The ticket in a file's trailer: its bytes, their length (u32 LE), then the magic. */
async function trailerOf(path) {
  const { size } = await stat(path);
  const tail = await readRange(path, size - 12, 12);
  assert.equal(tail.subarray(4).toString('latin1'), MAGIC, 'the download ends with the trailer magic');
  const n = tail.readUInt32LE(0);
  assert.ok(n > 0 && n < 4096, `trailer length ${n}`);
  return (await readRange(path, size - 12 - n, n)).toString('utf8');
}

function readRange(path, start, length) {
  return new Promise((resolve, reject) => {
    const parts = [];
    createReadStream(path, { start, end: start + length - 1 })
      .on('data', (d) => parts.push(d))
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}


describe('the full client, downloaded in the browser and run', () => {
  const suite = serverAndBrowser();
  let work;
  let build;
  before(async () => {
    build = await installClient(suite.server);
    work = await mkdtemp(join(tmpdir(), 'beckon-full-client-'));
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('download, queue, accept, chat both ways, system information allowed then denied, end', T, async (t) => {
    const rep = await openConsole(suite.browser, suite.server, REP.username);
    t.after(() => rep.context.close());
    const { page } = rep;

    // The representative generates a FULL session key in the console.
    await page.click('#nav-keys');
    await page.check('input[name=key-start-type][value=full]');
    await page.click('#key-form button[type=submit]');
    await page.waitForSelector('#key-result:not([hidden])');
    const key = await page.inputValue('#key-value');
    assert.match(key, /^\d+$/);
    await page.click('#nav-sessions');

    // The customer starts with it on a customer page (the demo site: another origin).
    const customer = await suite.browser.newContext({ locale: 'en-US', acceptDownloads: true });
    t.after(() => customer.close());
    customer.setDefaultTimeout(LINE_MS);
    const shop = await customer.newPage();
    const shopErrors = [];
    shop.on('pageerror', (e) => shopErrors.push(e.message));
    await shop.goto(`${suite.server.demoUrl}/`);
    const startAnswer = shop.waitForResponse((r) => r.url().endsWith('/api/start_session') && r.request().method() === 'POST');
    const downloading = shop.waitForEvent('download');
    await shop.evaluate(([k, name]) => BG.start(BG.START_TYPE.FULL, { sessionKey: k, locale: 'en-us', customer: { name } }), [key, CUSTOMER]);
    const started = await (await startAnswer).json();
    assert.ok(started.lsid && started.download_url, JSON.stringify(started));
    const download = await downloading;
    assert.equal(download.url(), `${started.download_url}/file`);
    assert.equal(await download.failure(), null, 'the download completed');

    // The file's name carries the ticket; its bytes are the build and then the trailer.
    const name = download.suggestedFilename();
    const ticket = name.replace(/^beckon-client-/, '');
    assert.match(ticket, /^bt1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, `file name ${name}`);
    const downloaded = join(work, name);
    await download.saveAs(downloaded);
    const buildSize = (await stat(build)).size;
    assert.equal((await stat(downloaded)).size, buildSize + Buffer.byteLength(ticket) + 12);
    assert.equal(await sha256(downloaded, buildSize), await sha256(build, buildSize), 'the build, unchanged');
    assert.equal(await trailerOf(downloaded), ticket, 'the trailer carries the ticket of the name');
    const claims = JSON.parse(Buffer.from(ticket.split('.')[1], 'base64url').toString('utf8'));
    assert.equal(claims.s, suite.server.siteUrl);
    assert.equal(claims.l, 'en-us');
    assert.ok(claims.e * 1000 > Date.now(), `expires ${claims.e}`);

    // In the console: a full session in John's queue, its customer not connected yet.
    const entry = page.locator(`.queue-group[data-queue="${REP.queue}"] .queue-item[data-lsid="${started.lsid}"]`);
    await entry.waitFor();
    assert.match(await entry.locator('.qi-name').textContent(), new RegExp(CUSTOMER));
    assert.equal(await entry.locator('.badge').textContent(), 'Full client');
    await entry.locator('.qi-note', { hasText: 'Customer not connected yet' }).waitFor();

    // The customer renames the program (the name loses the ticket, the trailer keeps it) and
    // runs it in a terminal. Their LANG is German: the session's language wins.
    const program = join(work, 'support program');
    await copyFile(downloaded, program);
    await chmod(program, 0o755);
    const home = await mkdtemp(join(work, 'home-'));
    const env = { PATH: process.env.PATH, HOME: home, LANG: 'de_DE.UTF-8' };
    const client = runClient(program, ['--no-gui'], env);
    t.after(() => client.kill());
    await client.expect('connected', new RegExp(`^connected to ${suite.server.siteUrl.replace(/\./g, '\\.')} \\(.+\\)$`));
    await client.expect('queue position', 'queue position 1');
    await entry.locator('.qi-note').waitFor({ state: 'detached' });

    // John accepts; the client names him; his panel shows the client.
    await entry.locator('button.accept').click();
    await page.waitForSelector(`[role=tab][aria-selected=true]:has-text("${CUSTOMER}")`);
    await client.expect('the representative joined', `representative ${REP.name} joined`);
    assert.match(await page.locator(`${PANEL} .client-status[data-client=joined]`).textContent(),
      /^Full client connected \(\d+\.\d+\.\d+[^,]*, Linux\)$/);

    // Chat, both ways.
    await page.fill(`${PANEL} .composer-input`, 'Hello, this is John.');
    await page.press(`${PANEL} .composer-input`, 'Enter');
    await client.expect('the representative\'s message', stamped(`${REP.name}: Hello, this is John.`));
    client.send('Hi John, my printer does not print.');
    await client.expect('the customer\'s own line', stamped('You: Hi John, my printer does not print.'));
    await page.locator(`${PANEL} .msg-customer`, { hasText: 'Hi John, my printer does not print.' }).waitFor();

    // System information: the customer sees exactly what would be shared and allows it.
    const ask = page.locator(`${PANEL} .client-panel button`, { hasText: 'Request system information' });
    await ask.click();
    await client.expect('the consent block', `${REP.name} asks to see this computer's system information. Exactly this would be shared:`);
    const host = (await client.expect('the computer name', /^ {2}Computer name: /)).replace(/^ {2}Computer name: /, '');
    await client.expect('the question', 'allow? [y/n]');
    client.send('y');
    await client.expect('allowed', 'you allowed sharing the system information');
    await client.expect('sent', 'system information sent');
    await page.locator(`${PANEL} .consent-state[data-consent=shared]`).waitFor();
    const hostCell = page.locator(`${PANEL} table.sysinfo tr`, { hasText: 'Host name' }).locator('td');
    assert.equal(await hostCell.textContent(), host, 'the console shows what the customer was shown');

    // Asked again: denied, and nothing more is shared.
    await ask.click();
    await client.expect('the second question', 'allow? [y/n]');
    client.send('n');
    await client.expect('denied', 'you declined to share the system information');
    await page.locator(`${PANEL} .consent-state[data-consent=denied]`).waitFor();
    const log = await events(page, started.lsid);
    const kinds = log.map((e) => e.kind);
    assert.equal(kinds.filter((k) => k === 'system_info').length, 1, kinds.join());
    assert.equal(kinds.filter((k) => k === 'capability_requested').length, 2, kinds.join());
    assert.deepEqual(kinds.filter((k) => /^capability_(allowed|denied)$/.test(k)), ['capability_allowed', 'capability_denied']);
    assert.equal(log.find((e) => e.kind === 'client_joined').body.os, 'linux');

    // John ends the session; the client says so and exits with status 0.
    await page.click(`${PANEL} button:has-text("End session")`);
    await page.click('#end-dialog button[type=submit]');
    await client.expect('the end', 'session ended');
    const done = await client.exit();
    assert.deepEqual([done.code, done.signal], [0, null], client.said());
    assert.equal(done.out.split('\n').filter((l) => l.endsWith(`${REP.name}: Hello, this is John.`)).length, 1, done.out);
    await page.waitForSelector(`${PANEL} .session-state:has-text("This session has ended.")`);
    assert.deepEqual(await readdir(home), [], 'the client wrote nothing to disk');

    // The downloaded file itself carries the same, now used, ticket: the server refuses it.
    await chmod(downloaded, 0o755);
    const again = runClient(downloaded, ['--no-gui'], env);
    t.after(() => again.kill());
    const refused = await again.exit();
    assert.equal(refused.code, 1, again.said());
    const answer = await fetch(`${suite.server.siteUrl}/api/client/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket }),
    });
    const why = await answer.json();
    assert.equal(why.error, 'ticket_used', JSON.stringify(why));
    assert.ok(refused.err.includes(why.message), `${why.message} not in:\n${refused.err}`);

    assert.deepEqual(shopErrors, []);
    await rep.clean();
  });
});
