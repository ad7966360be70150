// The customer's screen in the side panel: the request, the customer's answer, and the live
// picture drawn from the tiles the client sends (docs/customer_client.md, "Screen view").
// The consent is folded from the session's events by the server's rules; the picture is
// never stored, and each drawn frame is acknowledged over the console socket, which is the
// client's credit for the next one: a slow console lowers the frame rate, never the chat.
//
// Latency shown: the client's capture-and-encode time plus the time from the server's
// receipt to the draw here, on the server's clock (this console's offset to it comes from
// the queue snapshots). The network time from the client to the server is not included.

import { post, sessionPath } from './api.js';
import { announce, h, notice, replace } from './dom.js';
import { serverNow } from './format.js';

const KINDS = new Set(['client_joined', 'capability_requested', 'capability_allowed',
  'capability_denied', 'capability_revoked', 'screen_ended']);

/** Whether an event changes this panel. */
export function isScreenEvent(/** @type {string} */ kind) {
  return KINDS.has(kind);
}

/**
 * @typedef {'none' | 'requested' | 'allowed' | 'denied' | 'revoked' | 'ended'} ScreenConsent
 * @typedef {{ client: boolean, consent: ScreenConsent }} ScreenState
 */

/**
 * @param {Iterable<import('./transcript.js').SessionEvent>} events
 * @returns {ScreenState}
 */
export function screenState(events) {
  /** @type {ScreenState} */
  const st = { client: false, consent: 'none' };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const sv = (e.body || {}).capability === 'screen_view';
    switch (e.kind) {
      case 'client_joined': st.client = true; st.consent = 'none'; break;
      case 'capability_requested': if (sv) st.consent = 'requested'; break;
      case 'capability_allowed': if (sv && st.consent === 'requested') st.consent = 'allowed'; break;
      case 'capability_denied': if (sv && st.consent === 'requested') st.consent = 'denied'; break;
      case 'capability_revoked': if (sv && st.consent === 'allowed') st.consent = 'revoked'; break;
      case 'screen_ended': if (st.consent === 'allowed') st.consent = 'ended'; break;
      default:
    }
  }
  return st;
}

const STATE_TEXT = {
  none: '',
  requested: 'Screen: requested, waiting for the customer’s answer.',
  allowed: 'Screen: shared by the customer.',
  denied: 'Screen: the customer declined.',
  revoked: 'Screen: the customer stopped sharing.',
  ended: 'Screen: sharing ended.',
};

/** Frames per second over the last second, and the latest latency. */
export class FrameStats {
  constructor() {
    /** @type {number[]} */
    this.times = [];
    this.latency = 0;
  }

  /**
   * @param {number} now this console's clock (ms)
   * @param {number} latency ms
   */
  add(now, latency) {
    this.times.push(now);
    while (this.times.length && this.times[0] <= now - 1000) this.times.shift();
    this.latency = latency;
  }

  text() {
    return `${this.times.length} frames/s · latency ${Math.max(0, Math.round(this.latency))} ms`;
  }
}

/** Draws one tile (a base64 PNG) at its place. */
async function drawTile(/** @type {CanvasRenderingContext2D} */ ctx, /** @type {any} */ t) {
  const bin = atob(String(t.data));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  ctx.drawImage(bitmap, Number(t.x), Number(t.y));
  bitmap.close();
}

export class ScreenPanel {
  /**
   * @param {string} lsid
   * @param {(msg: Record<string, unknown>) => boolean} send over the console socket
   */
  constructor(lsid, send) {
    this.lsid = lsid;
    this.send = send;
    this.key = '';
    /** @type {ScreenConsent} */
    this.consent = 'none';
    this.stats = new FrameStats();
    /** Parts are drawn in order, one after the other. */
    this.drawing = Promise.resolve();
    this.canvas = /** @type {HTMLCanvasElement} */ (h('canvas', { class: 'screen-canvas', role: 'img', 'aria-label': 'The customer’s screen', width: 1, height: 1 }));
    this.statsLine = h('p', { class: 'screen-stats' });
    this.status = h('p', { class: 'screen-state', role: 'status' });
    this.buttons = h('div', { class: 'screen-buttons' });
    this.view = h('div', { class: 'screen-view', hidden: true }, this.canvas, this.statsLine);
    this.el = h('section', { class: 'screen-panel', 'aria-label': 'Customer’s screen' },
      h('h3', {}, 'Screen'), this.status, this.buttons, this.view);
  }

  /**
   * @param {Iterable<import('./transcript.js').SessionEvent>} events
   * @param {{ owner: boolean, live: boolean }} who
   */
  render(events, who) {
    const st = screenState(events);
    const key = JSON.stringify([st, who.owner, who.live]);
    if (key === this.key) return;
    this.key = key;
    const was = this.consent;
    this.consent = st.consent;
    this.el.hidden = !st.client;
    this.status.textContent = STATE_TEXT[st.consent];
    const shown = st.consent === 'allowed' && who.live;
    this.view.hidden = !shown;
    const canAsk = st.client && who.owner && who.live && !['requested', 'allowed'].includes(st.consent);
    replace(this.buttons,
      canAsk ? h('button', { type: 'button', class: 'secondary', onclick: () => this.request() }, 'Request screen view') : null,
      shown && who.owner ? h('button', { type: 'button', class: 'secondary', onclick: () => this.stop() }, 'Stop viewing') : null,
      shown ? h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(this.el.classList.contains('large')), onclick: (/** @type {Event} */ ev) => this.toggleLarge(/** @type {HTMLElement} */ (ev.currentTarget)) }, 'Larger view') : null);
    if (shown && was !== 'allowed') {
      // Whatever the client sent before this console listened: ask for the whole screen.
      this.send({ type: 'screen_ack', lsid: this.lsid, frame: 0, keyframe: true });
    }
    if (!shown) this.statsLine.textContent = '';
  }

  /** @param {HTMLElement} button */
  toggleLarge(button) {
    const large = this.el.classList.toggle('large');
    button.setAttribute('aria-pressed', String(large));
  }

  /** One part of a frame from the console socket (`type: screen`). */
  onPart(/** @type {Record<string, any>} */ m) {
    if (this.consent !== 'allowed') return;
    this.drawing = this.drawing.then(() => this.draw(m)).catch(() => {
      // A tile that does not decode: ask for the whole screen again rather than show a hole.
      this.send({ type: 'screen_ack', lsid: this.lsid, frame: 0, keyframe: true });
    });
  }

  /** @param {Record<string, any>} m */
  async draw(m) {
    const w = Number(m.width);
    const hgt = Number(m.height);
    if (this.canvas.width !== w || this.canvas.height !== hgt) {
      this.canvas.width = w;
      this.canvas.height = hgt;
    }
    const ctx = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext('2d'));
    for (const t of Array.isArray(m.tiles) ? m.tiles : []) await drawTile(ctx, t);
    if (!m.last) return;
    this.send({ type: 'screen_ack', lsid: this.lsid, frame: m.frame, keyframe: false });
    this.stats.add(Date.now(), Number(m.encode_ms || 0) + serverNow() - Number(m.received_at));
    this.statsLine.textContent = this.stats.text();
    this.canvas.dataset.frame = String(m.frame);
  }

  async request() {
    try {
      await post(`${sessionPath(this.lsid)}/capabilities/screen_view`);
      announce('Screen view requested');
    } catch (e) {
      notice(`Could not request the screen: ${/** @type {Error} */ (e).message}`);
    }
  }

  async stop() {
    try {
      await post(`${sessionPath(this.lsid)}/screen/stop`);
      announce('Screen view stopped');
    } catch (e) {
      notice(`Could not stop the screen view: ${/** @type {Error} */ (e).message}`);
    }
  }
}
