// File transfer in the side panel (docs/customer_client.md, "File transfer"): the customer's
// consent, asking for it, sending a file in 32 KB chunks, asking the customer for a file, and
// every transfer with its progress and, once a customer's file arrived whole and its hash
// matched, a download link. Folded from the session's events by the server's rules
// (domain/files.rs). File names come from the customer: text nodes only.

import { ApiError, post, sessionPath } from './api.js';
import { announce, h, notice, replace } from './dom.js';
import { bytes } from './client.js';

/** Chunk size of an upload: the server takes at most 32 KB per request. */
const CHUNK = 32 * 1024;

/** Whether an event changes this panel. */
export function isFileEvent(/** @type {string} */ kind) {
  return kind.startsWith('file_') || kind.startsWith('capability_') || kind === 'client_joined';
}

/**
 * @typedef {{ id: string, name: string, size: number, direction: string,
 *   state: 'offered' | 'accepted' | 'declined' | 'completed' | 'failed', offset: number,
 *   reason: string }} FileTransfer
 * @typedef {{ client: boolean, consent: string, transfers: FileTransfer[] }} FileState
 */

/**
 * @param {Iterable<import('./transcript.js').SessionEvent>} events
 * @returns {FileState}
 */
export function fileState(events) {
  /** @type {Map<string, FileTransfer>} */
  const map = new Map();
  let consent = 'none';
  let client = false;
  const stopOpen = () => {
    for (const t of map.values()) if (t.state === 'offered' || t.state === 'accepted') t.state = 'failed';
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const b = e.body || {};
    const ft = b.capability === 'file_transfer';
    const t = map.get(String(b.id ?? ''));
    switch (e.kind) {
      case 'client_joined': client = true; consent = 'none'; stopOpen(); break;
      case 'capability_requested': if (ft) consent = 'requested'; break;
      case 'capability_allowed': if (ft && consent === 'requested') consent = 'allowed'; break;
      case 'capability_denied': if (ft && consent === 'requested') consent = 'denied'; break;
      case 'capability_revoked': if (ft && consent === 'allowed') { consent = 'revoked'; stopOpen(); } break;
      case 'file_offered':
        map.set(String(b.id), { id: String(b.id), name: String(b.file_name ?? 'file'), size: Number(b.size) || 0,
          direction: b.direction === 'to_customer' ? 'to_customer' : 'to_rep', state: 'offered', offset: 0, reason: '' });
        break;
      case 'file_accepted': if (t && t.state === 'offered') t.state = 'accepted'; break;
      case 'file_declined': if (t && t.state === 'offered') t.state = 'declined'; break;
      case 'file_progress': if (t) t.offset = Math.max(t.offset, Number(b.offset) || 0); break;
      case 'file_completed': if (t && ['offered', 'accepted'].includes(t.state)) { t.state = 'completed'; t.offset = t.size; } break;
      case 'file_failed': if (t && ['offered', 'accepted'].includes(t.state)) { t.state = 'failed'; t.reason = String(b.reason ?? ''); } break;
      default:
    }
  }
  return { client, consent, transfers: [...map.values()] };
}

const CONSENT_TEXT = /** @type {Record<string, string>} */ ({
  none: '',
  requested: 'File transfer: requested, waiting for the customer’s answer.',
  allowed: 'File transfer: allowed by the customer.',
  denied: 'File transfer: the customer declined.',
  revoked: 'File transfer: the customer stopped it.',
});

const STATE_TEXT = /** @type {Record<string, string>} */ ({
  offered: 'in progress', accepted: 'in progress', declined: 'declined by the customer',
  completed: 'complete, checksum matched', failed: 'stopped',
});

export class FilesPanel {
  /** @param {string} lsid */
  constructor(lsid) {
    this.lsid = lsid;
    this.el = h('section', { class: 'client-panel files-panel', 'aria-label': 'Files' });
    this.key = '';
    /** Uploads of this console under way: name → bytes sent. @type {Map<string, {size: number, sent: number}>} */
    this.sending = new Map();
    /** @type {FileState} */
    this.state = { client: false, consent: 'none', transfers: [] };
    /** @type {{ owner: boolean, live: boolean }} */
    this.who = { owner: false, live: false };
  }

  /**
   * @param {Iterable<import('./transcript.js').SessionEvent>} events
   * @param {{ owner: boolean, live: boolean }} who
   */
  render(events, who) {
    this.state = fileState(events);
    this.who = who;
    this.draw();
  }

  draw() {
    const st = this.state;
    const who = this.who;
    const key = JSON.stringify([st, who, [...this.sending]]);
    if (key === this.key || !st.client) return;
    this.key = key;
    const mine = who.owner && who.live;
    const canAsk = mine && !['requested', 'allowed'].includes(st.consent);
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'file', id: `file-${this.lsid}`, class: 'file-input' }));
    const send = mine && st.consent === 'allowed'
      ? h('form', { class: 'file-send', onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); if (input.files?.[0]) this.upload(input.files[0]); } },
        h('label', { for: `file-${this.lsid}` }, 'File to send to the customer'), input,
        h('button', { type: 'submit', class: 'secondary' }, 'Send file'),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.ask() }, 'Ask for a file'))
      : null;
    const rows = st.transfers.map((t) => {
      const toRep = t.direction === 'to_rep';
      const what = `${toRep ? 'From the customer' : 'To the customer'}: ${t.name} (${bytes(t.size)})`;
      const link = toRep && t.state === 'completed'
        ? h('a', { href: `${sessionPath(this.lsid)}/files/${encodeURIComponent(t.id)}`, download: t.name, class: 'file-download' }, `Download ${t.name}`)
        : null;
      const open = t.state === 'offered' || t.state === 'accepted';
      return h('li', { class: 'file-item', 'data-file': t.id, 'data-state': t.state },
        h('span', {}, what), ' ',
        open ? h('progress', { max: String(t.size || 1), value: String(t.offset), 'aria-label': `Progress of ${t.name}` }) : null,
        h('span', { class: 'file-state' }, ` ${STATE_TEXT[t.state]}${t.reason ? ` (${t.reason})` : ''}`), ' ', link);
    });
    const local = [...this.sending].map(([name, p]) => h('li', { class: 'file-item', 'data-state': 'uploading' },
      h('span', {}, `Uploading ${name} `), h('progress', { max: String(p.size || 1), value: String(p.sent), 'aria-label': `Upload of ${name}` })));
    replace(this.el,
      h('h3', {}, 'Files'),
      st.consent === 'none' ? null : h('p', { class: 'consent-state', role: 'status', 'data-files-consent': st.consent }, CONSENT_TEXT[st.consent]),
      canAsk ? h('button', { type: 'button', class: 'secondary', onclick: () => this.request() }, 'Request file transfer') : null,
      send,
      rows.length || local.length ? h('ul', { class: 'file-list' }, local, rows) : null);
  }

  async request() {
    try {
      await post(`${sessionPath(this.lsid)}/capabilities/file_transfer`);
      announce('File transfer requested');
    } catch (e) {
      notice(`Could not request file transfer: ${/** @type {Error} */ (e).message}`);
    }
  }

  async ask() {
    try {
      await post(`${sessionPath(this.lsid)}/files/request`);
      announce('The customer was asked for a file');
    } catch (e) {
      notice(`Could not ask for a file: ${/** @type {Error} */ (e).message}`);
    }
  }

  /** Sends `file` in chunks; the customer is offered it once every byte is on the server. */
  async upload(/** @type {File} */ file) {
    const base = `${sessionPath(this.lsid)}/files`;
    try {
      const { id } = await post(base, { name: file.name, size: file.size });
      this.sending.set(file.name, { size: file.size, sent: 0 });
      this.draw();
      let offset = 0;
      while (offset < file.size) {
        const part = file.slice(offset, offset + CHUNK);
        const r = await fetch(`${base}/${encodeURIComponent(id)}?offset=${offset}`, {
          method: 'PUT', credentials: 'same-origin', headers: { 'x-beckon-csrf': '1' }, body: part,
        });
        const data = await r.json().catch(() => ({}));
        if (r.status === 409 && data.error?.code === 'wrong_offset') { offset = Number(data.offset) || 0; continue; }
        if (!r.ok) throw new ApiError(r.status, data.error?.code || 'http', data.error?.message || `Upload failed (${r.status})`);
        offset = Number(data.offset);
        this.sending.set(file.name, { size: file.size, sent: offset });
        this.draw();
      }
      announce(`${file.name} was offered to the customer`);
    } catch (e) {
      notice(`Could not send ${file.name}: ${/** @type {Error} */ (e).message}`);
    } finally {
      this.sending.delete(file.name);
      this.key = '';
      this.draw();
    }
  }
}
