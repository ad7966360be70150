// Starts the real `beckon` binary for a browser test and tells the test where it listens.
//
// Ports are chosen by the OS (127.0.0.1:0) so tests can run in parallel and never collide
// with a developer's running server; the only way to learn them is the server's own log.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ANNOUNCE_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
// Kept so a failure can show what the server said, bounded so a chatty server cannot
// grow the test process without limit.
const MAX_LOG_LINES = 500;

// Only a tty gets colours, but strip them anyway: a stray escape code would otherwise
// make the match fail with a confusing timeout instead of a working test.
const ANSI = /\x1b\[[0-9;]*m/g;
// The demo line also contains "listening on http://", so it is matched first and the
// site pattern insists on not being preceded by "demo site ".
const DEMO_LINE = /demo site listening on (http:\/\/[^\s/]+)\/?(?:\s|$)/;
const SITE_LINE = /(?<!demo site )listening on (http:\/\/[^\s/]+)\/?(?:\s|$)/;

/**
 * Start `beckon serve --demo` on ephemeral ports with a fresh data dir.
 * @returns {Promise<{siteUrl: string, demoUrl: string, dataDir: string, log: () => string,
 *   stop: () => Promise<{code: number|null, signal: string|null}>}>}
 *   siteUrl and demoUrl have no trailing slash.
 */
export async function startServer({ extraArgs = [], env = {} } = {}) {
  const bin = process.env.BECKON_BIN;
  if (!bin) {
    throw new Error('BECKON_BIN is not set; run the browser tests through scripts/test, or set it to target/debug/beckon');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'beckon-browser-test-'));
  const args = [
    'serve', '--demo',
    '--listen', '127.0.0.1:0',
    '--demo-site-listen', '127.0.0.1:0',
    '--data-dir', dataDir,
    // A file's tests start many sessions from 127.0.0.1; the per-address limit is tested in
    // crates/beckon/tests/limits/.
    '--max-session-starts-per-minute', '0',
    ...extraArgs,
  ];
  const child = spawn(bin, args, {
    env: {
      ...process.env,
      BECKON_DEMO_PASSWORD: 'demo-password-123',
      BECKON_ADMIN_PASSWORD: 'admin-password-123',
      BECKON_LOG: 'info',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const lines = [];
  const remember = (stream) => (line) => {
    lines.push(`[${stream}] ${line}`);
    if (lines.length > MAX_LOG_LINES) lines.shift();
  };
  const log = () => lines.join('\n');

  // Both pipes are drained for the whole life of the child: an unread pipe fills up and
  // then blocks the server's logging, which looks like a hang in a later test step.
  createInterface({ input: child.stdout }).on('line', remember('stdout'));
  const stderr = createInterface({ input: child.stderr });
  stderr.on('line', remember('stderr'));

  // 'close' rather than 'exit': it fires only after the pipes are drained, so the log shown
  // on failure is complete, and it also fires when the binary could not be spawned at all.
  let spawnError = null;
  child.once('error', (err) => { spawnError = err; });
  const exited = new Promise((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });

  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  };

  let siteUrl = null;
  let demoUrl = null;
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`beckon did not announce both listeners within ${ANNOUNCE_TIMEOUT_MS / 1000} s`));
      }, ANNOUNCE_TIMEOUT_MS);
      const done = (fn) => (arg) => { clearTimeout(timer); stderr.off('line', onLine); fn(arg); };
      const ok = done(resolve);
      const fail = done(reject);
      function onLine(raw) {
        const line = raw.replace(ANSI, '');
        const demo = DEMO_LINE.exec(line);
        if (demo) demoUrl = demo[1];
        else {
          const site = SITE_LINE.exec(line);
          if (site) siteUrl = site[1];
        }
        if (siteUrl && demoUrl) ok();
      }
      stderr.on('line', onLine);
      exited.then(({ code, signal }) => {
        const why = spawnError ? `could not be started: ${spawnError.message}` : `exited early (code ${code}, signal ${signal})`;
        fail(new Error(`beckon ${why}`));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    await cleanup();
    err.message += `\ncommand: ${bin} ${args.join(' ')}\n--- server output ---\n${log() || '(none)'}`;
    throw err;
  }

  let stopping = null;
  // Resolves to the exit { code, signal } so a test can assert a clean shutdown.
  const stop = () => {
    // Idempotent so a test's finally block and an after() hook can both call it.
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await cleanup();
      return exited;
    })();
    return stopping;
  };

  return { siteUrl, demoUrl, dataDir, log, stop };
}
