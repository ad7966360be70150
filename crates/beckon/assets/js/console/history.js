// History: this representative's past sessions, searchable by customer name or external key
// and by date, 50 a page; opening one shows its details and whole transcript.

import { ApiError, get, sessionPath } from './api.js';
import { announce, byId, h, replace } from './dom.js';
import { dateTimeOf, spokenDuration, topicLabel } from './format.js';
import { renderDetails } from './details.js';
import { eventLine } from './transcript.js';

const PAGE_SIZE = 50;

export class HistoryView {
  /**
   * @param {number} me
   * @param {(id: number) => string} repName
   */
  constructor(me, repName) {
    this.me = me;
    this.repName = repName;
    this.page = 0;
    this.form = /** @type {HTMLFormElement} */ (byId('history-form'));
    this.status = byId('history-status');
    this.body = byId('history-body');
    this.table = byId('history-table');
    this.prev = /** @type {HTMLButtonElement} */ (byId('history-prev'));
    this.next = /** @type {HTMLButtonElement} */ (byId('history-next'));
    this.detail = byId('history-detail');
    this.form.addEventListener('submit', (ev) => { ev.preventDefault(); this.page = 0; this.search(); });
    this.prev.addEventListener('click', () => { this.page = Math.max(0, this.page - 1); this.search(); });
    this.next.addEventListener('click', () => { this.page += 1; this.search(); });
    byId('history-close').addEventListener('click', () => this.closeDetail());
    this.loaded = false;
  }

  /** Loads the first page the first time the view is shown. */
  show() {
    if (!this.loaded) this.search();
  }

  async search() {
    this.loaded = true;
    const params = new URLSearchParams({
      q: /** @type {HTMLInputElement} */ (byId('history-q')).value.trim(),
      from: /** @type {HTMLInputElement} */ (byId('history-from')).value,
      to: /** @type {HTMLInputElement} */ (byId('history-to')).value,
      page: String(this.page),
    });
    this.status.textContent = 'Searching…';
    /** @type {Record<string, any>[]} */
    let sessions;
    try {
      sessions = (await get(`/api/rep/history?${params}`)).sessions || [];
    } catch (e) {
      this.status.textContent = `Search failed: ${/** @type {Error} */ (e).message}`;
      return;
    }
    const n = sessions.length;
    this.status.textContent = n === 0
      ? (this.page ? 'No more sessions.' : 'No past sessions match.')
      : `Showing ${this.page * PAGE_SIZE + 1}–${this.page * PAGE_SIZE + n}${n === PAGE_SIZE ? '' : ` of ${this.page * PAGE_SIZE + n}`}.`;
    this.table.hidden = n === 0;
    replace(this.body, sessions.map((s) => {
      const name = s.customer?.name || 'Anonymous customer';
      const open = h('button', { type: 'button', class: 'secondary small', 'aria-label': `Open the session with ${name}` }, 'Open');
      open.addEventListener('click', () => this.open(s));
      const length = s.accepted_at && s.ended_at ? spokenDuration(s.ended_at - s.accepted_at) : '—';
      return h('tr', { 'data-lsid': s.lsid },
        h('td', {}, dateTimeOf(s.created_at)),
        h('td', {}, name),
        h('td', {}, s.customer?.company || '—'),
        h('td', {}, topicLabel(s)),
        h('td', {}, s.external_key || '—'),
        h('td', {}, length),
        h('td', {}, open));
    }));
    this.prev.disabled = this.page === 0;
    this.next.disabled = n < PAGE_SIZE;
    byId('history-page').textContent = `Page ${this.page + 1}`;
  }

  /** @param {Record<string, any>} s */
  async open(s) {
    const name = s.customer?.name || 'Anonymous customer';
    const heading = byId('history-detail-heading');
    const log = byId('history-log');
    const details = byId('history-details');
    heading.textContent = `Session with ${name} · ${dateTimeOf(s.created_at)}`;
    replace(log, h('li', { class: 'sys' }, 'Loading the transcript…'));
    renderDetails(details, s, this.me);
    this.detail.hidden = false;
    heading.focus();
    try {
      const events = [];
      let after = 0;
      // The server answers at most 1000 events a call.
      for (;;) {
        const r = await get(`${sessionPath(s.lsid)}/events?after=${after}`);
        events.push(...r.events);
        if (r.session) renderDetails(details, r.session, this.me);
        if (r.events.length < 1000) break;
        after = r.events[r.events.length - 1].seq;
      }
      const ctx = { me: this.me, customerName: () => name, repName: this.repName };
      const lines = events.map((e) => eventLine(e, ctx)).filter(Boolean);
      replace(log, lines.length ? lines : h('li', { class: 'sys' }, 'Nothing was said in this session.'));
      announce(`Transcript of the session with ${name} loaded`);
    } catch (e) {
      const err = /** @type {ApiError} */ (e);
      replace(log, h('li', { class: 'sys error' }, err.status === 403
        ? 'The server does not let you open this transcript (the session is no longer yours).'
        : `Could not load the transcript: ${err.message}`));
    }
  }

  closeDetail() {
    this.detail.hidden = true;
    const first = this.body.querySelector('button');
    /** @type {HTMLElement} */ (first || byId('history-q')).focus();
  }
}
