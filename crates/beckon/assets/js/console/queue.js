// The waiting customers (personal, team and general queues) and invitations, live from the
// socket's `queue` messages. Items are kept by lsid and updated in place so that focus on an
// Accept button survives updates.

import { ApiError, post, sessionPath } from './api.js';
import { byId, h, notice, replace, announce } from './dom.js';
import { clock, languageLabel, queueLabel, serverNow, startTypeLabel, teamName, topicLabel } from './format.js';
import { chime, desktopNotify } from './alerts.js';

/** @typedef {Record<string, any>} SessionView */

/**
 * @typedef {{ me: number, onAccepted: (s: SessionView) => void, onJoined: (lsid: string) => void }} QueueOptions
 */

export class Queues {
  /** @param {QueueOptions} opts */
  constructor(opts) {
    this.opts = opts;
    this.root = byId('queues');
    this.empty = byId('queue-empty');
    this.count = byId('queue-count');
    this.invitations = byId('invitation-list');
    /** @type {Map<string, HTMLElement>} */
    this.items = new Map();
    /** @type {Map<string, HTMLElement>} */
    this.groups = new Map();
    /** lsids already announced with a chime. */
    this.announced = new Set();
    /**
     * Sessions this console saw taken (by its own accept, or a colleague's that beat it), by
     * lsid, with the queue stay they were taken from. A queue message built before the take
     * may still arrive and must not bring the item back; a later stay (a transfer back to a
     * queue) has another `queued_at` and shows again.
     * @type {Map<string, number | null>}
     */
    this.taken = new Map();
    this.first = true;
  }

  /**
   * @param {SessionView[]} sessions waiting sessions this representative may take
   * @param {SessionView[]} invitations sessions this representative is invited to
   */
  update(sessions, invitations) {
    const seen = new Set();
    const listed = new Set(sessions.map((s) => s.lsid));
    for (const lsid of this.taken.keys()) if (!listed.has(lsid)) this.taken.delete(lsid);
    for (const s of sessions) {
      if (this.taken.has(s.lsid) && this.taken.get(s.lsid) === (s.queued_at ?? null)) continue;
      seen.add(s.lsid);
      let li = this.items.get(s.lsid);
      if (!li) {
        li = this.newItem(s);
        this.items.set(s.lsid, li);
      }
      this.fill(li, s);
      const list = this.group(s.queue);
      if (li.parentElement !== list) list.append(li);
      if (s.state === 'queued' && !this.announced.has(s.lsid)) {
        this.announced.add(s.lsid);
        if (!this.first) this.alert(s);
      }
    }
    for (const [lsid, li] of this.items) {
      if (!seen.has(lsid)) this.removeItem(lsid, li);
    }
    for (const [queue, section] of this.groups) {
      const n = /** @type {HTMLElement} */ (section.querySelector('ul')).children.length;
      if (n === 0) {
        section.remove();
        this.groups.delete(queue);
      } else {
        /** @type {HTMLElement} */ (section.querySelector('.count')).textContent = String(n);
      }
    }
    this.count.textContent = String(seen.size);
    this.empty.hidden = seen.size > 0;
    this.first = false;
    this.renderInvitations(invitations);
  }

  /** @param {SessionView} s */
  alert(s) {
    chime();
    const who = s.customer.name || 'A customer';
    announce(`${who} is waiting: ${topicLabel(s)}`);
    desktopNotify('Customer waiting', `${who} · ${topicLabel(s)}`, s.lsid);
  }

  /** The list for a queue, created in its place: mine, teams, general. */
  group(/** @type {string} */ queue) {
    let section = this.groups.get(queue);
    if (!section) {
      const label = queueLabel(queue, this.opts.me);
      const id = `queue-group-${queue.replace(/[^a-z0-9]/gi, '-')}`;
      section = h('section', { class: 'queue-group', 'aria-labelledby': id, 'data-queue': queue },
        h('h3', { id }, label, ' ', h('span', { class: 'count' }, '0')),
        h('ul', { class: 'queue-list' }));
      const order = (/** @type {string} */ q) =>
        q === `rep:${this.opts.me}` ? '0' : q.startsWith('team:') ? `1${teamName(Number(q.slice(5)))}` : `2${q}`;
      const before = [...this.groups.entries()].find(([q]) => order(q) > order(queue));
      this.root.insertBefore(section, before ? before[1] : null);
      this.groups.set(queue, section);
    }
    return /** @type {HTMLElement} */ (section.querySelector('ul'));
  }

  /** @param {SessionView} s */
  newItem(s) {
    const accept = h('button', { type: 'button', class: 'accept' }, 'Accept');
    accept.addEventListener('click', () => this.accept(s.lsid, /** @type {HTMLButtonElement} */ (accept)));
    return h('li', { class: 'queue-item', 'data-lsid': s.lsid }, h('div', { class: 'qi-info' }), accept);
  }

  /**
   * @param {HTMLElement} li
   * @param {SessionView} s
   */
  fill(li, s) {
    const c = s.customer || {};
    const name = c.name || 'Anonymous customer';
    const company = [c.company, c.company_code].filter(Boolean).join(' · ');
    const offered = Boolean(s.offered_to_me);
    li.classList.toggle('offered', offered);
    li.dataset.queuedAt = String(s.queued_at ?? '');
    const since = s.queued_at || s.created_at;
    const info = /** @type {HTMLElement} */ (li.querySelector('.qi-info'));
    replace(info,
      h('p', { class: 'qi-head' },
        h('span', { class: 'qi-name' }, name),
        h('span', { class: `badge badge-${s.start_type}` }, startTypeLabel(s.start_type))),
      company ? h('p', { class: 'qi-company' }, company) : null,
      h('p', { class: 'qi-issue' }, topicLabel(s)),
      h('dl', { class: 'qi-meta' },
        h('div', {}, h('dt', {}, 'Waiting'), h('dd', {}, h('span', { class: 'tick', 'data-since': since }, '0:00'))),
        h('div', {}, h('dt', {}, 'Language'), h('dd', {}, languageLabel(s.locale))),
        s.skills && s.skills.length ? h('div', {}, h('dt', {}, 'Skills'), h('dd', {}, s.skills.join(', '))) : null),
      s.state === 'awaiting_client' ? h('p', { class: 'qi-note' }, 'Customer not connected yet') : null,
      offered ? h('p', { class: 'qi-offer' }, 'Offered to you',
        s.offer_expires_at ? [' · ', h('span', { class: 'tick', 'data-until': s.offer_expires_at }, ''), ' left'] : null) : null);
    const btn = /** @type {HTMLButtonElement} */ (li.querySelector('button.accept'));
    btn.setAttribute('aria-label', `Accept ${name}`);
    tick(li);
  }

  /**
   * @param {string} lsid
   * @param {HTMLElement} li
   */
  removeItem(lsid, li) {
    const focused = li.contains(document.activeElement);
    li.remove();
    this.items.delete(lsid);
    if (focused) this.focusFallback();
  }

  /**
   * Removes an item this console knows is no longer waiting, for good (see `taken`).
   * @param {string} lsid
   */
  markTaken(lsid) {
    const li = this.items.get(lsid);
    if (!li) return;
    const at = li.dataset.queuedAt;
    this.taken.set(lsid, at ? Number(at) : null);
    this.removeItem(lsid, li);
  }

  focusFallback() {
    const next = this.root.querySelector('button.accept');
    /** @type {HTMLElement} */ (next || byId('queues-heading')).focus();
  }

  /**
   * @param {string} lsid
   * @param {HTMLButtonElement} btn
   */
  async accept(lsid, btn) {
    btn.disabled = true;
    btn.textContent = 'Accepting…';
    try {
      const r = await post(`${sessionPath(lsid)}/accept`);
      this.markTaken(lsid);
      this.opts.onAccepted(r.session);
    } catch (e) {
      const err = /** @type {ApiError} */ (e);
      if (err.code === 'already_taken' || err.code === 'ended' || err.code === 'not_found') {
        this.markTaken(lsid);
        notice(err.code === 'already_taken'
          ? 'Another representative already took this session'
          : 'This customer is no longer waiting');
      } else {
        notice(`Could not accept the session: ${err.message}`);
      }
      btn.disabled = false;
      btn.textContent = 'Accept';
    }
  }

  /** @param {SessionView[]} list */
  renderInvitations(list) {
    const section = /** @type {HTMLElement} */ (byId('invitations'));
    section.hidden = list.length === 0;
    const focused = this.invitations.contains(document.activeElement);
    replace(this.invitations, list.map((s) => {
      const name = s.customer?.name || 'Anonymous customer';
      const join = h('button', { type: 'button', class: 'join', 'aria-label': `Join the session with ${name}` }, 'Join');
      join.addEventListener('click', () => this.join(s.lsid, /** @type {HTMLButtonElement} */ (join)));
      return h('li', { class: 'queue-item invitation', 'data-lsid': s.lsid },
        h('div', { class: 'qi-info' },
          h('p', { class: 'qi-head' }, h('span', { class: 'qi-name' }, name)),
          h('p', { class: 'qi-issue' }, topicLabel(s))),
        join);
    }));
    if (focused) /** @type {HTMLElement | null} */ (this.invitations.querySelector('button'))?.focus();
  }

  /**
   * @param {string} lsid
   * @param {HTMLButtonElement} btn
   */
  async join(lsid, btn) {
    btn.disabled = true;
    try {
      await post(`${sessionPath(lsid)}/join`);
      this.opts.onJoined(lsid);
    } catch (e) {
      notice(`Could not join the session: ${/** @type {Error} */ (e).message}`);
      btn.disabled = false;
    }
  }
}

/**
 * Updates ticking times under `root`: `data-since` counts up, `data-until` counts down.
 * @param {ParentNode} root
 */
export function tick(root) {
  const now = serverNow();
  root.querySelectorAll('.tick').forEach((el) => {
    const e = /** @type {HTMLElement} */ (el);
    if (e.dataset.since) e.textContent = clock(now - Number(e.dataset.since));
    else if (e.dataset.until) e.textContent = clock(Number(e.dataset.until) - now);
  });
}
