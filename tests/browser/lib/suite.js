// The demo server and the Chromium that most browser test files share, started before the
// file's tests and stopped after them, so that a file says only what it adds.

import { after, before } from 'node:test';
import { launchBrowser } from './browser.js';
import { startServer } from './server.js';

/**
 * Registers `before` and `after` hooks in the current `describe` (or the file, at top level):
 * `before` starts a server with `startServer(options)` and launches Chromium, `after` closes
 * both. The returned object's `server` and `browser` are set by `before`, so read them in hooks
 * and tests, not while the tests are being declared.
 *
 * Hooks run in the order they are registered: call this first, and the describe's own
 * `before` (signing in, installing the client) finds both ready. Its `after` runs first too,
 * so the describe's own `after` must not need them (removing a temporary folder is fine).
 *
 * @param {Parameters<typeof startServer>[0]} [options] startServer's `extraArgs` and `env`
 * @returns {{ server: Awaited<ReturnType<typeof startServer>>,
 *   browser: import('playwright-core').Browser }}
 */
export function serverAndBrowser(options) {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    try {
      await suite.browser?.close();
    } finally {
      await suite.server?.stop();
    }
  });
  return suite;
}
