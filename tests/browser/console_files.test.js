// File transfer in the console with the real client (docs/customer_client.md, "File
// transfer"): the representative asks for file transfer, the customer allows it in the text
// mode; a file the representative picks goes to the customer, who accepts it; a file the
// customer sends appears with a download link whose bytes match; names are shown as text;
// the customer's revocation shows at once and takes the Send form away.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser } from './lib/suite.js';
import { clientBuild, openConsole, platformDir, runClient } from './lib/full_client.js';

const T = { timeout: 90_000 };
const PANEL = '[role=tabpanel]:not([hidden])';
const FILES = `${PANEL} .files-panel`;
const LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36';

const sha = (b) => createHash('sha256').update(b).digest('hex');
/** Bytes that differ from place to place, so a misplaced chunk changes the hash. */
const bytes = (n, seed) => Buffer.from(Array.from({ length: n }, (_, i) => ((i * 2654435761 + seed) >>> 13) & 255));

describe('file transfer in the console', () => {
  const suite = serverAndBrowser();
  let work;
  before(async () => {
    const build = clientBuild();
    assert.ok(existsSync(build), `no client build at ${build}; build it with: cargo build -p beckon-client`);
    const dir = join(suite.server.dataDir, 'clients', platformDir());
    await mkdir(dir, { recursive: true });
    await copyFile(build, join(dir, 'beckon-client'));
    work = await mkdtemp(join(tmpdir(), 'beckon-files-'));
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('each way with matching hashes, then revoked', T, async (t) => {
    const rep = await openConsole(suite.browser, suite.server, 'john');
    t.after(() => rep.context.close());
    const { page } = rep;

    // A FULL session (demo issue 12), its client downloaded and run in text mode.
    const start = await fetch(`${suite.server.siteUrl}/api/start_session`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ issue_menu: '1', id: '12', 'customer.name': 'Erika' }),
    });
    const started = await start.json();
    assert.equal(started.start_type, 'full', JSON.stringify(started));
    const dl = await fetch(`${started.download_url}/file`, { headers: { 'user-agent': LINUX } });
    assert.equal(dl.status, 200);
    const program = join(work, 'beckon-client');
    await writeFile(program, Buffer.from(await dl.arrayBuffer()));
    await chmod(program, 0o755);
    const downloads = join(work, 'Downloads');
    await mkdir(downloads);
    const env = { PATH: process.env.PATH, HOME: work, LANG: 'C' };
    const client = runClient(program, ['--no-gui', '--downloads', downloads], env);
    t.after(() => client.kill());
    await client.expect('connected', /^connected to /);
    const entry = page.locator(`.queue-item[data-lsid="${started.lsid}"]`);
    await entry.locator('button.accept').click();
    await client.expect('John joined', 'representative John joined');

    // Consent, asked in the console and given in the client.
    await page.locator(FILES).locator('button', { hasText: 'Request file transfer' }).click();
    await page.locator(`${FILES} [data-files-consent=requested]`).waitFor();
    await client.expect('the question', 'John asks to exchange files with you.');
    await client.expect('allow?', 'allow? [y/n]');
    client.send('y');
    await page.locator(`${FILES} [data-files-consent=allowed]`).waitFor();

    // John sends a file; the customer accepts; it arrives whole under a safe name.
    const theirs = bytes(100_000, 7);
    await page.setInputFiles(`${FILES} input[type=file]`, { name: 'fix<b>.txt', mimeType: 'text/plain', buffer: theirs });
    await page.locator(FILES).locator('button', { hasText: 'Send file' }).click();
    await client.expect('the offer', 'John offers the file fix_b_.txt (100 KB)');
    client.send('/accept');
    await client.expect('received', `fix_b_.txt was received and checked: ${join(downloads, 'fix_b_.txt')}`);
    assert.equal(sha(await readFile(join(downloads, 'fix_b_.txt'))), sha(theirs));
    await page.locator(`${FILES} .file-item[data-state=completed]`, { hasText: 'To the customer: fix_b_.txt' }).waitFor();

    // The customer sends a file; the console offers it for download, bytes unchanged.
    const mine = bytes(200_000, 11);
    const path = join(work, 'a&b <report>.log');
    await writeFile(path, mine);
    client.send(`/send ${path}`);
    await client.expect('sent', 'a&b _report_.log was sent and its checksum matched');
    const link = page.locator(`${FILES} a.file-download`);
    await link.waitFor();
    assert.equal(await link.textContent(), 'Download a&b _report_.log', 'the name as text');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'a&b _report_.log');
    const saved = join(work, 'from-console.bin');
    await download.saveAs(saved);
    assert.equal(sha(await readFile(saved)), sha(mine));

    // The customer revokes: the console says so at once and can send nothing more.
    client.send('/revoke file_transfer');
    await client.expect('revoked', 'you stopped file transfer');
    await page.locator(`${FILES} [data-files-consent=revoked]`).waitFor();
    assert.equal(await page.locator(`${FILES} input[type=file]`).count(), 0);
    assert.deepEqual(await readdir(downloads), ['fix_b_.txt'], 'nothing else written');
    await rep.clean();
  });
});
