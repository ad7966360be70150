// The real full client beside a real console, for browser tests that need both: the freshly
// built `beckon-client` installed into a server's data folder, run in text mode with its
// lines awaited, and a signed-in console that collects page errors and CSP violations.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { openConsole as signedInConsole } from './console.js';

// How long one line of the client may take to appear.
export const LINE_MS = 15_000;
const EXIT_MS = 10_000;

/** The freshly built client: BECKON_CLIENT_BIN, else `beckon-client` beside the server. */
export function clientBuild() {
  const explicit = process.env.BECKON_CLIENT_BIN;
  if (explicit) return explicit;
  const server = process.env.BECKON_BIN;
  if (!server) {
    throw new Error('BECKON_BIN is not set; run the browser tests through scripts/test');
  }
  return join(dirname(server), 'beckon-client');
}

/** This machine's build folder name under `<data-dir>/clients/` (domain/client_build.rs). */
export function platformDir() {
  const os = { linux: 'linux', darwin: 'macos', win32: 'windows' }[process.platform];
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  assert.ok(os && arch, `no client builds for ${process.platform}/${process.arch}`);
  return `${os}-${arch}`;
}


/** Installs the freshly built client the way an administrator does; returns its path. */
export async function installClient(server) {
  const build = clientBuild();
  assert.ok(existsSync(build), `no client build at ${build}; build it with: cargo build -p beckon-client`);
  const dir = join(server.dataDir, 'clients', platformDir());
  await mkdir(dir, { recursive: true });
  const installed = join(dir, 'beckon-client');
  await copyFile(build, installed);
  return installed;
}

/**
 * Runs the client with stdin and stdout as pipes. `expect` waits, bounded, for the next
 * stdout line (after the last one it matched) that passes a test; a failure shows all the
 * client said.
 */
export function runClient(path, args, env) {
  const child = spawn(path, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  let wake = () => {};
  createInterface({ input: child.stdout }).on('line', (l) => { out.push(l); wake(); });
  createInterface({ input: child.stderr }).on('line', (l) => { err.push(l); wake(); });
  let spawnError = null;
  child.once('error', (e) => { spawnError = e; wake(); });
  const exited = new Promise((resolve) => child.once('close', (code, signal) => { resolve({ code, signal }); wake(); }));
  let cursor = 0;
  const said = () => `--- client stdout ---\n${out.join('\n')}\n--- client stderr ---\n${err.join('\n')}`;
  return {
    said,
    /** Resolves to the matching line; rejects after `ms` or when the client is gone. */
    expect(label, match, ms = LINE_MS) {
      const test = typeof match === 'string' ? (l) => l === match : (l) => match.test(l);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`client: no line "${label}" within ${ms / 1000} s\n${said()}`)), ms);
        const check = () => {
          const i = out.findIndex((l, k) => k >= cursor && test(l));
          if (i >= 0) {
            cursor = i + 1;
            finish(null, out[i]);
          } else if (spawnError || child.exitCode !== null || child.signalCode !== null) {
            finish(new Error(`client: gone before "${label}" (${spawnError?.message ?? `exit ${child.exitCode ?? child.signalCode}`})\n${said()}`));
          }
        };
        const finish = (e, line) => {
          clearTimeout(timer);
          wake = () => {};
          if (e) reject(e); else resolve(line);
        };
        wake = check;
        check();
      });
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    /** Resolves to { code, signal, out, err } once the client exited; rejects after `ms`. */
    async exit(ms = EXIT_MS) {
      let timer;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`client: still running after ${ms / 1000} s\n${said()}`)), ms);
      });
      try {
        const r = await Promise.race([exited, late]);
        return { ...r, out: out.join('\n'), err: err.join('\n') };
      } finally {
        clearTimeout(timer);
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** A signed-in console (`console.js`) that may download, at this file's pace. */
export function openConsole(browser, server, username) {
  return signedInConsole(browser, server, username, { acceptDownloads: true, timeout: LINE_MS });
}

/** The session's events as the representative API has them (the console's cookie). */
export function events(page, lsid) {
  return page.evaluate(async (id) => {
    const r = await fetch(`/api/rep/sessions/${id}/events`, { headers: { accept: 'application/json' } });
    return (await r.json()).events;
  }, lsid);
}


/** A line of the text mode with its local time stamp: `HH:MM <rest>`. */
export const stamped = (rest) => new RegExp(`^\\d\\d:\\d\\d ${rest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
