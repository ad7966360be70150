// Launches the system Chromium through playwright-core.
//
// Playwright's own browser downloads are never used: the machine's network reaches only
// package registries, and Debian's chromium is what we can install and keep updated.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.BECKON_CHROMIUM || '/usr/bin/chromium';

// Everything that would make Chromium talk to the internet or depend on a GPU/sandbox
// that containers lack is switched off, so runs are quiet, offline and deterministic.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {Promise<import('playwright-core').Browser>} */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`);
  }
  // Playwright gives each launch a fresh temporary profile and removes it on close.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
