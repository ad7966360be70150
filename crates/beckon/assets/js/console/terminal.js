// The command shell's terminal (docs/customer_client.md, "Command shell"): the representative
// asks for the shell, and once the customer allows it, a real terminal (xterm.js, loaded on
// first use) shows what the customer's shell prints and sends what the representative types.
// The session's log is the transport both ways: `shell_output` events are written to the
// terminal in sequence order, keystrokes and the terminal's size are posted to the API.

import { post, sessionPath } from './api.js';
import { announce, h, notice, replace } from './dom.js';
import { step } from './consent.js';

/** @typedef {import('./transcript.js').SessionEvent} SessionEvent */
/** @typedef {import('./consent.js').Consent} Consent */

const KINDS = new Set(['client_joined', 'capability_requested', 'capability_allowed',
  'capability_denied', 'capability_revoked', 'shell_output', 'shell_ended']);

/** Whether an event changes the shell's panel. */
export function isShellEvent(/** @type {string} */ kind) {
  return KINDS.has(kind);
}

/** Keystrokes wait this long to travel together: each request reads the log for the consent. */
const FLUSH_MS = 15;
/** Largest input one request carries (beckon_protocol::shell::MAX_INPUT_BYTES). */
const MAX_INPUT_BYTES = 4096;
/** Dragging a window edge resizes many times; the shell hears the size it settles on. */
const RESIZE_MS = 150;

const STATE_TEXT = /** @type {Record<Consent, string>} */ ({
  none: '',
  requested: 'Command shell: requested, waiting for the customer’s answer.',
  allowed: 'Command shell: running as the customer’s own user. Keys typed in the terminal go to their computer.',
  denied: 'Command shell: the customer declined.',
  revoked: 'Command shell: the customer stopped it.',
  shared: '',
  ended: 'Command shell: it ended.',
});

/** @type {Promise<{Terminal: any, FitAddon: any}> | null} */
let xterm = null;

/** xterm.js and its style sheet, loaded once, when the first terminal opens. */
function loadXterm() {
  if (!xterm) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/assets/vendor/xterm/xterm.css' }));
    xterm = Promise.all([import('/assets/vendor/xterm/xterm.js'), import('/assets/vendor/xterm/addon-fit.js')])
      .then(([x, f]) => ({ Terminal: x.Terminal, FitAddon: f.FitAddon }));
    xterm.catch(() => { xterm = null; });
  }
  return xterm;
}

/**
 * Runs `open` with the page's style nonce on every `<style>` element created meanwhile:
 * xterm.js keeps its colours and cell sizes in style elements it makes when it opens, and the
 * console's CSP lets only styles with the nonce through (http/console.rs).
 * @template T
 * @param {() => T} open
 * @returns {T}
 */
function withStyleNonce(open) {
  const nonce = document.querySelector('meta[name="beckon-style-nonce"]')?.getAttribute('content') || '';
  const create = Document.prototype.createElement;
  /** @this {Document} @param {string} tag @param {ElementCreationOptions} [options] */
  function createWithNonce(tag, options) {
    const el = create.call(this, tag, options);
    if (String(tag).toLowerCase() === 'style') el.nonce = nonce;
    return el;
  }
  Object.defineProperty(document, 'createElement', { value: createWithNonce, configurable: true, writable: true });
  try {
    return open();
  } finally {
    delete (/** @type {any} */ (document)).createElement;
  }
}

/** Base64 of bytes (the API's encoding of terminal data). */
function base64(/** @type {Uint8Array} */ bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Bytes of base64; empty for anything else. */
export function unbase64(/** @type {unknown} */ data) {
  try {
    return Uint8Array.from(atob(String(data ?? '')), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

/**
 * Splits bytes into request-sized chunks. A chunk may end inside a UTF-8 sequence: the shell
 * reads bytes, in order, so it does not matter.
 * @param {Uint8Array} bytes
 */
export function chunks(bytes, max = MAX_INPUT_BYTES) {
  const out = [];
  for (let i = 0; i < bytes.length; i += max) out.push(bytes.subarray(i, i + max));
  return out;
}

export class ShellPanel {
  /** @param {string} lsid */
  constructor(lsid) {
    this.lsid = lsid;
    /** @type {Consent} */
    this.consent = 'none';
    this.joined = false;
    /** Sequence number of the last event folded and written. */
    this.upto = 0;
    /** Output of the current shell not written yet (the terminal is still loading). */
    /** @type {Uint8Array[]} */
    this.backlog = [];
    this.hadShell = false;
    this.key = '';
    /** @type {any} */
    this.term = null;
    /** @type {any} */
    this.fit = null;
    /** Typed, not sent yet. @type {Uint8Array[]} */
    this.pendingBytes = [];
    this.sending = false;
    this.opening = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.flushTimer = undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.resizeTimer = undefined;
    this.sentSize = '';
    this.who = { owner: false, live: false };
    const id = lsid.replace(/[^a-zA-Z0-9_-]/g, '_');
    this.bar = h('div', { class: 'shell-bar' });
    this.screen = h('div', { class: 'shell-screen', role: 'group', 'aria-label': 'Customer’s command shell' });
    this.hint = h('p', { class: 'shell-hint', id: `shell-hint-${id}` },
      'Keys typed in the terminal go to the customer’s shell; Ctrl+] leaves the terminal.');
    this.reader = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: `shell-sr-${id}`,
      onchange: () => { if (this.term) this.term.options.screenReaderMode = this.reader.checked; } }));
    this.tools = h('div', { class: 'shell-tools' }, this.hint,
      h('label', { for: `shell-sr-${id}`, class: 'shell-sr' }, this.reader, ' Screen reader mode'));
    this.el = h('section', { class: 'shell-panel', 'aria-label': 'Command shell', hidden: true },
      this.bar, this.screen, this.tools);
    this.resizeObserver = new ResizeObserver(() => this.refit());
  }

  /**
   * Takes the session's events (any order; each seq once) and what the representative may do.
   * @param {Map<number, SessionEvent>} events
   * @param {{ owner: boolean, live: boolean }} who
   */
  update(events, who) {
    this.who = who;
    const fresh = [...events.values()].filter((e) => e.seq > this.upto).sort((a, b) => a.seq - b.seq);
    for (const e of fresh) this.fold(e);
    this.renderBar();
  }

  /** @param {SessionEvent} e */
  fold(e) {
    this.upto = e.seq;
    if (e.kind === 'client_joined') this.joined = true;
    const before = this.consent;
    this.consent = step(this.consent, e, 'shell');
    if (this.consent === 'allowed' && before !== 'allowed') this.newShell();
    if (e.kind === 'shell_output' && this.consent === 'allowed') this.write(unbase64(e.body?.data));
  }

  /** A new shell started: a fresh terminal for it (the previous one's output is in the log). */
  newShell() {
    this.hadShell = true;
    this.backlog = [];
    this.sentSize = '';
    if (this.term) this.term.reset();
    this.open();
  }

  /** @param {Uint8Array} bytes */
  write(bytes) {
    if (!bytes.length) return;
    if (this.term) this.term.write(bytes);
    else this.backlog.push(bytes);
  }

  async open() {
    if (this.term || this.opening) return;
    this.opening = true;
    this.el.hidden = false;
    try {
      const { Terminal, FitAddon } = await loadXterm();
      const { term, fit } = withStyleNonce(() => {
        const t = new Terminal({
          cursorBlink: true,
          fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace',
          fontSize: 14,
          scrollback: 5000,
          screenReaderMode: this.reader.checked,
        });
        const f = new FitAddon();
        t.loadAddon(f);
        t.open(this.screen);
        return { term: t, fit: f };
      });
      this.term = term;
      this.fit = fit;
      term.textarea?.setAttribute('aria-describedby', this.hint.id);
      term.attachCustomKeyEventHandler((/** @type {KeyboardEvent} */ ev) => {
        if (ev.type === 'keydown' && ev.ctrlKey && ev.key === ']') {
          this.leave();
          return false;
        }
        return true;
      });
      term.onData((/** @type {string} */ d) => this.type(d));
      term.onBinary((/** @type {string} */ d) => this.typeBytes(Uint8Array.from(d, (c) => c.charCodeAt(0))));
      term.onResize(() => this.sizeChanged());
      for (const b of this.backlog) term.write(b);
      this.backlog = [];
      this.resizeObserver.observe(this.screen);
      this.refit();
      this.renderBar();
    } catch (e) {
      notice(`The terminal could not be loaded: ${/** @type {Error} */ (e).message}`);
    } finally {
      this.opening = false;
    }
  }

  /** Focus leaves the terminal for the next control (Tab belongs to the shell). */
  leave() {
    /** @type {HTMLElement | null} */ (this.tools.querySelector('input'))?.focus();
  }

  refit() {
    if (!this.term || this.el.hidden || !this.screen.clientWidth) return;
    try {
      this.fit.fit();
    } catch {
      // Not laid out yet; the observer calls again when it is.
    }
    this.sizeChanged();
  }

  /** Tells the shell the terminal's size once it settles, while the shell runs. */
  sizeChanged() {
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      if (!this.term || !this.usable()) return;
      const size = `${this.term.cols}x${this.term.rows}`;
      if (size === this.sentSize) return;
      this.sentSize = size;
      post(`${sessionPath(this.lsid)}/shell/resize`, { cols: this.term.cols, rows: this.term.rows })
        .catch((/** @type {Error} */ e) => { this.sentSize = ''; this.failed(e); });
    }, RESIZE_MS);
  }

  /** Whether what the representative types reaches the shell now. */
  usable() {
    return this.consent === 'allowed' && this.who.owner && this.who.live;
  }

  /** @param {string} text what xterm.js says was typed */
  type(text) {
    this.typeBytes(new TextEncoder().encode(text));
  }

  /** @param {Uint8Array} bytes */
  typeBytes(bytes) {
    if (!this.usable()) return;
    this.pendingBytes.push(bytes);
    if (this.flushTimer === undefined) this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Sends what was typed, in order, one request at a time. */
  async flush() {
    this.flushTimer = undefined;
    if (this.sending || !this.pendingBytes.length) return;
    const all = this.pendingBytes;
    this.pendingBytes = [];
    const total = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of all) { total.set(b, at); at += b.length; }
    this.sending = true;
    try {
      for (const c of chunks(total)) {
        await post(`${sessionPath(this.lsid)}/shell/input`, { data: base64(c) });
      }
    } catch (e) {
      this.failed(/** @type {Error} */ (e));
    } finally {
      this.sending = false;
    }
    if (this.pendingBytes.length) this.flush();
  }

  /** @param {Error} e */
  failed(e) {
    // 409: the customer stopped the shell meanwhile; the log will say so.
    if (/** @type {any} */ (e).status === 409) return;
    notice(`The command shell did not get it: ${e.message}`);
  }

  renderBar() {
    const canAsk = this.joined && this.who.owner && this.who.live && !['requested', 'allowed'].includes(this.consent);
    const key = JSON.stringify([this.consent, canAsk, this.hadShell, Boolean(this.term)]);
    this.el.hidden = !this.joined || (this.consent === 'none' && !canAsk);
    this.screen.hidden = !this.hadShell;
    this.tools.hidden = !(this.consent === 'allowed' && this.term);
    if (this.term) this.term.options.disableStdin = !this.usable();
    if (key === this.key) return;
    const announceIt = this.key !== '' && this.consent !== 'none';
    this.key = key;
    const ask = canAsk
      ? h('button', { type: 'button', class: 'secondary small', onclick: () => this.request() },
        this.hadShell ? 'Ask for the command shell again' : 'Open a command shell')
      : null;
    replace(this.bar,
      h('h3', {}, 'Command shell'),
      STATE_TEXT[this.consent] ? h('p', { class: 'shell-state', 'data-consent': this.consent }, STATE_TEXT[this.consent]) : null,
      ask);
    if (announceIt && STATE_TEXT[this.consent]) announce(STATE_TEXT[this.consent]);
    if (this.consent === 'allowed') this.refit();
  }

  async request() {
    const button = this.bar.querySelector('button');
    if (button) button.disabled = true;
    try {
      await post(`${sessionPath(this.lsid)}/capabilities/shell`);
      announce('Command shell requested');
    } catch (e) {
      if (button) button.disabled = false;
      notice(`Could not request the command shell: ${/** @type {Error} */ (e).message}`);
    }
  }

  /** Focuses the terminal (after the customer allowed, the representative types there). */
  focus() {
    this.term?.focus();
  }

  dispose() {
    this.resizeObserver.disconnect();
    clearTimeout(this.flushTimer);
    clearTimeout(this.resizeTimer);
    this.term?.dispose();
  }
}
