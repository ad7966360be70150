// The full client's part of a session in the side panel: whether the customer's client joined,
// the request for system information and the customer's answer, and what they shared. Folded
// from the session's events by the same rules as the server (domain/capabilities.rs). Text
// only, never HTML: everything shown here came from the customer's machine.

import { post, sessionPath } from './api.js';
import { announce, h, notice, replace } from './dom.js';
import { dateTimeOf } from './format.js';

const KINDS = new Set(['client_joined', 'capability_requested', 'capability_allowed',
  'capability_denied', 'capability_revoked', 'system_info']);

/** Whether an event changes this panel. */
export function isClientEvent(/** @type {string} */ kind) {
  return KINDS.has(kind);
}

const OS_NAMES = /** @type {Record<string, string>} */ ({ linux: 'Linux', macos: 'macOS', windows: 'Windows' });

/** `linux` → `Linux`; anything else as it came. */
export function osName(/** @type {string} */ os) {
  return OS_NAMES[os] || os || 'unknown system';
}

/**
 * @typedef {{ client: {version: string, os: string} | null,
 *   consent: 'none' | 'requested' | 'allowed' | 'denied' | 'revoked' | 'shared',
 *   info: Record<string, any> | null, infoAt: number }} ClientState
 */

/**
 * @param {Iterable<import('./transcript.js').SessionEvent>} events
 * @returns {ClientState}
 */
export function clientState(events) {
  /** @type {ClientState} */
  const st = { client: null, consent: 'none', info: null, infoAt: 0 };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const b = e.body || {};
    const si = b.capability === 'system_info';
    switch (e.kind) {
      case 'client_joined':
        st.client = { version: String(b.version ?? ''), os: String(b.os ?? '') };
        st.consent = 'none'; // a new client has shown the customer no request yet
        break;
      case 'capability_requested': if (si) st.consent = 'requested'; break;
      case 'capability_allowed': if (si && st.consent === 'requested') st.consent = 'allowed'; break;
      case 'capability_denied': if (si && st.consent === 'requested') st.consent = 'denied'; break;
      case 'capability_revoked': if (si && ['allowed', 'shared'].includes(st.consent)) st.consent = 'revoked'; break;
      case 'system_info':
        if (st.consent === 'allowed') st.consent = 'shared';
        st.info = b.info && typeof b.info === 'object' ? b.info : null;
        st.infoAt = e.at;
        break;
      default:
    }
  }
  return st;
}

const CONSENT_TEXT = {
  none: '',
  requested: 'System information: requested, waiting for the customer’s answer.',
  allowed: 'System information: allowed by the customer, arriving shortly.',
  denied: 'System information: the customer declined.',
  revoked: 'System information: the customer revoked their consent.',
  shared: 'System information: shared by the customer.',
};

/** Bytes in binary units, one decimal (`16.0 GiB`). */
export function bytes(/** @type {unknown} */ n) {
  let v = Number(n) || 0;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** Seconds as days, hours and minutes. */
export function uptime(/** @type {unknown} */ secs) {
  const s = Math.max(0, Number(secs) || 0);
  const d = Math.floor(s / 86400);
  const hrs = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [d && `${d} d`, (d || hrs) && `${hrs} h`, `${m} min`].filter(Boolean).join(' ');
}

const text = (/** @type {unknown} */ v) => String(v ?? '');
const list = (/** @type {unknown} */ v) => (Array.isArray(v) ? v : []);

/**
 * A table with a caption and column headers.
 * @param {string} caption
 * @param {string[]} headers
 * @param {(string | Node)[][]} rows
 * @param {boolean} [rowHeaders] whether each row's first cell names it
 */
function table(caption, headers, rows, rowHeaders = false) {
  return h('table', { class: 'data-table sysinfo' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 && rowHeaders ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))));
}

/** The shared system information as tables. */
export function infoTables(/** @type {Record<string, any>} */ i) {
  const summary = table('System information shared by the customer', ['Item', 'Value'], [
    ['Operating system', `${text(i.os_name)} ${text(i.os_version)}`.trim()],
    ['Kernel', text(i.kernel_version)],
    ['Host name', text(i.hostname)],
    ['Processor', text(i.cpu_brand)],
    ['Cores', text(i.cpu_cores)],
    ['Memory', `${bytes(i.memory_used_bytes)} used of ${bytes(i.memory_total_bytes)}`],
    ['Uptime', uptime(i.uptime_secs)],
  ], true);
  const disks = table('Disks', ['Disk', 'Mounted at', 'File system', 'Free', 'Size'],
    list(i.disks).map((d) => [text(d.name), text(d.mount_point), text(d.file_system), bytes(d.available_bytes), bytes(d.total_bytes)]), true);
  const nets = table('Network interfaces', ['Interface', 'MAC address', 'Addresses'],
    list(i.networks).map((n) => [text(n.name), text(n.mac), list(n.addresses).map(text).join(', ')]), true);
  return [summary, disks, nets];
}

export class ClientPanel {
  /** @param {string} lsid */
  constructor(lsid) {
    this.lsid = lsid;
    this.el = h('section', { class: 'client-panel', 'aria-label': 'Full client' });
    this.key = '';
    /** @type {HTMLButtonElement | null} */
    this.button = null;
  }

  /**
   * Shows the state of the session's events; the request button only to its owner while live.
   * @param {Iterable<import('./transcript.js').SessionEvent>} events
   * @param {{ owner: boolean, live: boolean }} who
   */
  render(events, who) {
    const st = clientState(events);
    const key = JSON.stringify([st.client, st.consent, st.infoAt, who.owner, who.live]);
    if (key === this.key) return;
    this.key = key;
    const hadFocus = this.button !== null && document.activeElement === this.button;
    const status = st.client
      ? `Full client connected (${st.client.version || 'unknown version'}, ${osName(st.client.os)})`
      : 'The customer has not started the full client.';
    const canAsk = Boolean(st.client) && who.owner && who.live && !['requested', 'allowed'].includes(st.consent);
    this.button = canAsk ? /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'secondary', onclick: () => this.request() }, 'Request system information')) : null;
    replace(this.el,
      h('h3', {}, 'Full client'),
      h('p', { class: 'client-status', 'data-client': st.client ? 'joined' : 'none' }, status),
      st.consent === 'none' ? null : h('p', { class: 'consent-state', role: 'status', 'data-consent': st.consent }, CONSENT_TEXT[st.consent]),
      this.button,
      st.info ? h('p', { class: 'sysinfo-at' }, `Shared ${dateTimeOf(st.infoAt)}`) : null,
      st.info ? infoTables(st.info) : null);
    if (hadFocus) (this.button || this.el.querySelector('.consent-state'))?.focus?.();
  }

  async request() {
    if (this.button) this.button.disabled = true;
    try {
      await post(`${sessionPath(this.lsid)}/capabilities/system_info`);
      announce('System information requested');
    } catch (e) {
      if (this.button) this.button.disabled = false;
      notice(`Could not request the system information: ${/** @type {Error} */ (e).message}`);
    }
  }
}
