// The command shell's terminal in the console (issue 10), with the real full client running a
// real shell: the representative asks, the customer allows, what the representative types in
// the terminal runs on the customer's side and its output, colours included, shows in the
// terminal; the terminal's size reaches the shell; a reloaded console shows the output again;
// the customer's revocation stops the shell at once and the terminal takes no more keys.
// All of it under the console's strict CSP: xterm.js styles itself through the page's nonce.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser } from './lib/suite.js';
import { events, installClient, openConsole, runClient } from './lib/full_client.js';

const T = { timeout: 90_000 };
const PANEL = '[role=tabpanel]:not([hidden])';
const CUSTOMER = 'Tess Terminal';

/** A FULL session in the general team's queue (issue 12); its lsid and the downloaded client. */
async function fullSession(server, dir) {
  const form = new URLSearchParams({ issue_menu: '1', id: '12', 'customer.name': CUSTOMER });
  const r = await fetch(`${server.siteUrl}/api/start_session`, {
    method: 'POST', headers: { accept: 'application/json' }, body: form,
  });
  const started = await r.json();
  assert.equal(r.status, 200, JSON.stringify(started));
  const file = await fetch(`${started.download_url}/file`, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
  assert.equal(file.status, 200);
  const program = join(dir, 'support');
  await writeFile(program, Buffer.from(await file.arrayBuffer()));
  await chmod(program, 0o755);
  return { lsid: started.lsid, program };
}

/** The terminal's visible text, row by row (xterm.js's DOM renderer). */
function screenText(page) {
  return page.locator(`${PANEL} .shell-screen .xterm-rows`).innerText();
}

describe('the command shell in the console', () => {
  const suite = serverAndBrowser();
  let work;
  before(async () => {
    await installClient(suite.server);
    work = await mkdtemp(join(tmpdir(), 'beckon-shell-'));
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('ask, allow, type, see colours and the size, reload, revoke', T, async (t) => {
    const rep = await openConsole(suite.browser, suite.server, 'john');
    t.after(() => rep.context.close());
    const { page } = rep;
    const { lsid, program } = await fullSession(suite.server, work);
    const home = await mkdtemp(join(work, 'home-'));
    const client = runClient(program, ['--no-gui'], { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', SHELL: '/bin/sh' });
    t.after(() => client.kill());
    await client.expect('connected', /^connected to /);

    const entry = page.locator(`.queue-item[data-lsid="${lsid}"]`);
    await entry.locator('button.accept').click();
    await page.waitForSelector(`[role=tab][aria-selected=true]:has-text("${CUSTOMER}")`);
    await client.expect('the representative joined', 'representative John joined');

    // Before the customer answers, there is no terminal.
    const ask = page.locator(`${PANEL} .shell-panel button`, { hasText: 'Open a command shell' });
    await ask.click();
    await page.locator(`${PANEL} .shell-state[data-consent=requested]`).waitFor();
    assert.equal(await page.locator(`${PANEL} .shell-screen .xterm`).count(), 0, 'no terminal before consent');
    await client.expect('the question', 'allow? [y/n]');
    client.send('y');
    await client.expect('the shell runs', /command shell running as you \(process \d+\)$/);
    await page.locator(`${PANEL} .shell-state[data-consent=allowed]`).waitFor();
    await page.locator(`${PANEL} .shell-screen .xterm`).waitFor();

    // The terminal's size reaches the shell: what `stty size` says is what xterm.js shows.
    const size = await page.evaluate(() => {
      const rows = document.querySelectorAll('[role=tabpanel]:not([hidden]) .xterm-rows > div').length;
      return rows;
    });
    assert.ok(size >= 5, `the terminal has ${size} rows`);
    let resize;
    for (let i = 0; i < 50 && !resize; i += 1) {
      resize = (await events(page, lsid)).filter((e) => e.kind === 'shell_resize').at(-1);
      if (!resize) await page.waitForTimeout(100);
    }
    assert.ok(resize, `the terminal's size was sent: ${(await events(page, lsid)).map((e) => e.kind).join()}`);
    assert.equal(resize.body.rows, size, 'the shell is told the rows the terminal shows');

    // Typed in the terminal: it runs on the customer's side; output and colours come back.
    await page.click(`${PANEL} .shell-screen .xterm`);
    await page.keyboard.type('stty size; echo "sum=$((6*7))"; printf "\\033[31mRED\\033[0m\\n"\n');
    await page.locator(`${PANEL} .shell-screen .xterm-rows`, { hasText: 'sum=42' }).waitFor();
    const text = await screenText(page);
    assert.match(text, new RegExp(`^${resize.body.rows} ${resize.body.cols}$`, 'm'), text);
    const red = page.locator(`${PANEL} .shell-screen .xterm-rows span.xterm-fg-1`, { hasText: 'RED' });
    await red.waitFor();
    const colour = await red.evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(colour, await page.locator(`${PANEL} .shell-screen .xterm-rows`).evaluate((el) => getComputedStyle(el).color),
      'red is drawn in another colour than the text (the theme styles got through the CSP)');
    const input = (await events(page, lsid)).filter((e) => e.kind === 'shell_input');
    assert.ok(input.length >= 1 && input.length < 40, `keystrokes travel in batches (${input.length} requests)`);

    // Ctrl+] leaves the terminal for the next control.
    await page.keyboard.press('Control+BracketRight');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.shell-tools') !== null), true);

    await rep.clean();

    // A reloaded console shows the shell's output again, and still takes keys.
    await page.reload();
    await page.waitForSelector('#console[data-ready="1"]');
    await page.locator(`[role=tab]:has-text("${CUSTOMER}")`).click();
    await page.locator(`${PANEL} .shell-screen .xterm-rows`, { hasText: 'sum=42' }).waitFor();
    await page.click(`${PANEL} .shell-screen .xterm`);
    await page.keyboard.type('echo again-$((1+1))\n');
    await page.locator(`${PANEL} .shell-screen .xterm-rows`, { hasText: 'again-2' }).waitFor();

    // The customer stops it: the console says so and the terminal takes no more keys.
    client.send('/revoke shell');
    await client.expect('stopped', 'you stopped the command shell');
    await page.locator(`${PANEL} .shell-state[data-consent=revoked]`).waitFor();
    const before = (await events(page, lsid)).filter((e) => e.kind === 'shell_input').length;
    await page.click(`${PANEL} .shell-screen .xterm`);
    await page.keyboard.type('echo after\n');
    await page.waitForTimeout(300);
    assert.equal((await events(page, lsid)).filter((e) => e.kind === 'shell_input').length, before, 'nothing typed after the revocation is sent');
    await page.locator(`${PANEL} .shell-panel button`, { hasText: 'Ask for the command shell again' }).waitFor();
    await rep.clean();
  });
});
