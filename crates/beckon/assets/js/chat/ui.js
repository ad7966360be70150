// The page's fixed parts around the log: the status line, short notices, the typing line,
// the composer, the end confirmation, the leave-a-message form and the ended panel.

import { listOf, t } from './i18n.js';

export const $ = (id) => document.getElementById(id);

/** Sets text only when it changes, so that live regions do not repeat themselves. */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

let noticeTimer = 0;
/** A short polite notice above the composer (rate limit, too long...). */
export function notice(text, ms = 8000) {
  const el = $('chat-notice');
  clearTimeout(noticeTimer);
  setText(el, text);
  el.classList.toggle('is-shown', !!text);
  if (text && ms) noticeTimer = setTimeout(() => notice(''), ms);
}

/**
 * The status line: the connection (when it is not simply fine) and where the session stands.
 * @param {{ link: string, reconnected: boolean, ended: boolean, state: string|null,
 *   nobody: string|null, queue: {position: number, estimated_wait_secs: number|null}|null }} s
 */
export function renderStatus(s) {
  let conn = '';
  let warn = false;
  if (!s.ended) {
    if (s.link === 'offline') [conn, warn] = [t('bg-chat-offline'), true];
    else if (s.link === 'reconnecting') [conn, warn] = [t('bg-chat-reconnecting'), true];
    else if (s.link === 'connecting') conn = t('bg-chat-connecting');
    else if (s.reconnected) conn = t('bg-chat-connected');
  }
  let main = '';
  let queue = '';
  if (s.ended) main = t('bg-chat-ended');
  else if (s.state === 'queued' || s.state === 'awaiting_client') {
    main = typeof s.nobody === 'string' ? s.nobody.trim() || t('bg-chat-nobody-available') : t('bg-chat-waiting');
    if (s.queue && s.queue.position > 0) {
      const parts = [t('bg-chat-queue-position', { position: s.queue.position })];
      const secs = s.queue.estimated_wait_secs;
      if (typeof secs === 'number' && secs >= 0) {
        parts.push(secs < 60
          ? t('bg-chat-estimated-wait-short')
          : t('bg-chat-estimated-wait', { minutes: Math.max(1, Math.round(secs / 60)) }));
      }
      queue = parts.join(' ');
    }
  }
  setText($('chat-conn'), conn);
  setText($('chat-state-main'), main);
  setText($('chat-queue'), queue);
  const box = $('chat-status');
  box.classList.toggle('is-warning', warn);
  box.classList.toggle('is-quiet', !conn && !main && !queue);
  box.classList.toggle('is-ended', s.ended);
  $('chat-offer').hidden = s.ended || typeof s.nobody !== 'string' || s.state === 'active';
}

/** Who is typing, by name, each until a refresh is overdue. */
export class TypingLine {
  constructor(el, forgetAfterMs) {
    this.el = el;
    this.ms = forgetAfterMs;
    /** @type {Map<string, number>} */
    this.timers = new Map();
  }

  set(name, active) {
    clearTimeout(this.timers.get(name));
    if (active) this.timers.set(name, setTimeout(() => this.set(name, false), this.ms));
    else this.timers.delete(name);
    const names = [...this.timers.keys()];
    setText(this.el, names.length ? t('bg-chat-typing', { name: listOf(names) }) : '');
  }

  clear() {
    for (const name of [...this.timers.keys()]) this.set(name, false);
  }
}

/**
 * The customer's own typing indicator: `true` at most every 3 s while they type, `false`
 * after 4 s without a keystroke, when the box is emptied, and when a message is sent.
 */
export class OwnTyping {
  constructor(send) {
    this.send = send;
    this.active = false;
    this.lastSent = 0;
    this.idle = 0;
  }

  input(hasText) {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = Date.now();
    if ((!this.active || now - this.lastSent >= 3000) && this.send(true)) {
      this.active = true;
      this.lastSent = now;
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), 4000);
  }

  stop() {
    clearTimeout(this.idle);
    if (this.active) this.send(false);
    this.active = false;
  }

  /** The connection went away: the server forgets the indicator by itself. */
  reset() {
    clearTimeout(this.idle);
    this.active = false;
  }
}

/** Keeps a count of unseen messages in the tab title while the page is hidden. */
export class UnreadTitle {
  constructor() {
    this.base = document.title;
    this.count = 0;
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.reset();
    });
  }

  bump() {
    if (!document.hidden) return;
    this.count += 1;
    document.title = `(${this.count}) ${this.base}`;
  }

  reset() {
    this.count = 0;
    document.title = this.base;
  }
}
