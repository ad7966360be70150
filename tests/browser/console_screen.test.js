// The screen view in the console (docs/customer_client.md, "Screen view"): a representative
// requests the customer's screen, a scripted full client (a WebSocket in a blank page, with
// PNG tiles drawn by OffscreenCanvas) allows and sends frames; the console draws them on its
// canvas, acknowledges each (the client's credit for the next), shows frames per second and
// latency, and stops on "Stop viewing" and on the customer's revocation. The real client's
// capture is tested under Xvfb in crates/beckon-client/tests/screen_xvfb.rs.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serverAndBrowser } from './lib/suite.js';

const PASSWORD = process.env.BECKON_DEMO_PASSWORD || 'demo-password-123';
const T = { timeout: 60_000 };
const PANEL = '[role=tabpanel]:not([hidden])';
const CUSTOMER = 'Sam Screen';

/** A FULL session for issue 12 and the token its client gets for the download's ticket. */
async function joinedClient(server) {
  const start = await fetch(`${server.siteUrl}/api/start_session`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ issue_menu: '1', id: '12', 'customer.name': CUSTOMER }),
  });
  const started = await start.json();
  assert.equal(started.start_type, 'full', JSON.stringify(started));
  const file = await fetch(`${started.download_url}/file`, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
  assert.equal(file.status, 200, 'the download');
  // The trailer: the ticket, its length (u32 LE) and the magic.
  const bytes = Buffer.from(await file.arrayBuffer());
  const n = bytes.readUInt32LE(bytes.length - 12);
  const ticket = bytes.subarray(bytes.length - 12 - n, bytes.length - 12).toString('utf8');
  const join = await fetch(`${server.siteUrl}/api/client/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticket }),
  });
  const { token } = await join.json();
  assert.ok(token, 'a client token');
  return { lsid: started.lsid, token };
}

/**
 * The scripted client in a blank page: answers the screen request with `allow`, then sends
 * frame 1 (left half red, right half blue) and, on its acknowledgement, frame 2 (one tile
 * green). Everything it hears is kept in `window.fake`.
 */
function fakeClient(url) {
  const fake = { msgs: [], acks: [], sent: 0 };
  window.fake = fake;
  const ws = new WebSocket(url);
  fake.ws = ws;
  const W = 128;
  const H = 96;
  const tile = async (x, y, colour) => {
    const w = Math.min(64, W - x);
    const h = Math.min(64, H - y);
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = colour;
    g.fillRect(0, 0, w, h);
    const buf = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let bin = '';
    for (const b of buf) bin += String.fromCharCode(b);
    return { x, y, w, h, data: btoa(bin) };
  };
  const send = async (frame, tiles) => {
    fake.sent = frame;
    ws.send(JSON.stringify({ type: 'screen_tiles', frame, width: W, height: H, tiles, last: true, captured_at: Date.now(), encode_ms: 4 }));
  };
  const frames = {
    1: async () => [await tile(0, 0, '#ff0000'), await tile(64, 0, '#0000ff'), await tile(0, 64, '#ff0000'), await tile(64, 64, '#0000ff')],
    2: async () => [await tile(64, 0, '#00ff00')],
  };
  ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', v: 1, after: 0, client: { kind: 'full', version: '0.1.0', os: 'linux' } }));
  ws.onmessage = async (ev) => {
    const m = JSON.parse(ev.data);
    fake.msgs.push(m);
    if (m.type === 'event' && m.kind === 'capability_requested' && m.body.capability === 'screen_view') {
      ws.send(JSON.stringify({ type: 'consent', capability: 'screen_view', allow: true }));
    } else if (m.type === 'event' && m.kind === 'capability_allowed' && fake.sent === 0) {
      await send(1, await frames[1]());
    } else if (m.type === 'screen_ack') {
      fake.acks.push(m);
      if (!m.keyframe && m.frame === 1 && fake.sent === 1) await send(2, await frames[2]());
    }
  };
}

/** The colour of one pixel of the console's screen canvas. */
const pixel = (page, x, y) => page.evaluate(([px, py]) => {
  const c = /** @type {HTMLCanvasElement} */ (document.querySelector('[role=tabpanel]:not([hidden]) .screen-canvas'));
  return Array.from(c.getContext('2d').getImageData(px, py, 1, 1).data.slice(0, 3));
}, [x, y]);

describe('the screen view in the console', () => {
  const suite = serverAndBrowser();
  before(async () => {
    // Any file stands for the client build: only its trailer (the ticket) matters here.
    const dir = join(suite.server.dataDir, 'clients', 'linux-x86_64');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'beckon-client'), Buffer.from('\x7fELF not really a client'));
  });

  test('request, allow, frames drawn and acknowledged, stop, revoke', T, async (t) => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    t.after(() => context.close());
    context.setDefaultTimeout(15_000);
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${suite.server.siteUrl}/console`);
    await page.fill('#username', 'john');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/console$/), page.click('#login-form button[type=submit]')]);
    await page.waitForSelector('#console[data-ready="1"]');
    // The administrator lets the teams use the screen (the demo's teams exist by now).
    execFileSync('sqlite3', ['-cmd', '.timeout 5000', join(suite.server.dataDir, 'beckon.db'),
      "UPDATE support_teams SET allowed_capabilities = 'system_info,shell,screen_view'"]);

    const { lsid, token } = await joinedClient(suite.server);
    const customer = await suite.browser.newPage();
    t.after(() => customer.close());
    await customer.evaluate(fakeClient, `${suite.server.siteUrl.replace('http', 'ws')}/api/chat/ws?token=${token}`);
    await customer.waitForFunction(() => window.fake.msgs.some((m) => m.type === 'event' && m.kind === 'client_joined'));

    await page.locator(`.queue-item[data-lsid="${lsid}"] button.accept`).click();
    await page.waitForSelector(`[role=tab][aria-selected=true]:has-text("${CUSTOMER}")`);
    const ask = page.locator(`${PANEL} .screen-panel button`, { hasText: 'Request screen view' });
    await ask.click();
    const state = page.locator(`${PANEL} .screen-state[role=status]`);
    await state.filter({ hasText: 'Screen: shared by the customer.' }).waitFor();

    // Frame 1, then frame 2 (sent only after the console acknowledged frame 1).
    const canvas = page.locator(`${PANEL} .screen-canvas`);
    await page.waitForSelector(`${PANEL} .screen-canvas[data-frame="2"]`);
    assert.deepEqual(await canvas.evaluate((c) => [c.width, c.height]), [128, 96]);
    assert.deepEqual(await pixel(page, 10, 10), [255, 0, 0], 'frame 1 stays where frame 2 sent nothing');
    assert.deepEqual(await pixel(page, 100, 10), [0, 255, 0], 'frame 2 changed this tile');
    assert.deepEqual(await pixel(page, 100, 80), [0, 0, 255]);
    const acks = await customer.evaluate(() => window.fake.acks);
    assert.ok(acks.some((a) => a.frame === 1 && !a.keyframe), JSON.stringify(acks));
    assert.ok(acks.some((a) => a.frame === 2 && !a.keyframe), JSON.stringify(acks));
    assert.match(await page.locator(`${PANEL} .screen-stats`).textContent(), /^\d+ frames\/s · latency \d+ ms$/);
    assert.equal(await page.locator(`${PANEL} .screen-canvas[role=img]`).getAttribute('aria-label'), 'The customer’s screen');

    // The representative stops viewing: the client hears it from the log, the view closes.
    await page.locator(`${PANEL} .screen-panel button`, { hasText: 'Stop viewing' }).click();
    await state.filter({ hasText: 'Screen: sharing ended.' }).waitFor();
    await customer.waitForFunction(() => window.fake.msgs.some((m) => m.type === 'event' && m.kind === 'screen_ended' && m.from === 'rep'));
    assert.equal(await canvas.isVisible(), false);

    // Asked again and allowed; the customer revokes: the console says so and hides the picture.
    await customer.evaluate(() => { window.fake.sent = 0; });
    await ask.click();
    await state.filter({ hasText: 'Screen: shared by the customer.' }).waitFor();
    await page.waitForSelector(`${PANEL} .screen-view:not([hidden])`);
    await customer.evaluate(() => window.fake.ws.send(JSON.stringify({ type: 'revoke', capability: 'screen_view' })));
    await state.filter({ hasText: 'Screen: the customer stopped sharing.' }).waitFor();
    assert.equal(await canvas.isVisible(), false);
    await page.locator(`${PANEL} .msg-system, ${PANEL} li`, { hasText: `${CUSTOMER} stopped sharing the screen` }).first().waitFor();

    assert.deepEqual(problems, [], 'page errors');
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');
  });
});
