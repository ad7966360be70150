// The conversation: a role="log" list whose items are kept in event order (data-seq), with
// the customer's unsent messages at the end until the server numbers them.

import { h, linkify } from './dom.js';
import { setTime, t } from './i18n.js';

/** How close to the end (px) still counts as "reading the newest messages". */
const NEAR_END_PX = 64;

export class ChatLog {
  /**
   * @param {HTMLElement} scroller the role="log" element that scrolls
   * @param {HTMLOListElement} list the <ol> of items inside it
   */
  constructor(scroller, list) {
    this.scroller = scroller;
    this.list = list;
    /** @type {Map<number, HTMLElement>} items shown, by sequence number */
    this.bySeq = new Map();
    /** Whether the newest message is in view; then it stays so as items come and sizes change. */
    this.stuck = true;
    this.lastTop = 0;
    // Only scrolling back (the reader's doing) lets go of the end; a layout change that moves
    // the end away (the status line growing) does not.
    scroller.addEventListener('scroll', () => {
      const top = scroller.scrollTop;
      if (this.nearEnd()) this.stuck = true;
      else if (top < this.lastTop - 1) this.stuck = false;
      this.lastTop = top;
    }, { passive: true });
    // The on-screen keyboard, the ended panel or a longer input make the log smaller.
    new ResizeObserver(() => { if (this.stuck) this.scrollToEnd(); }).observe(scroller);
  }

  has(seq) {
    return this.bySeq.has(seq);
  }

  get(seq) {
    return this.bySeq.get(seq);
  }

  /** While quiet, additions are not announced (a reload re-renders the history). */
  quiet(on) {
    this.scroller.setAttribute('aria-live', on ? 'off' : 'polite');
  }

  nearEnd() {
    const s = this.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_END_PX;
  }

  scrollToEnd() {
    this.scroller.scrollTo({ top: this.scroller.scrollHeight, behavior: 'instant' });
    this.stuck = true;
    this.lastTop = this.scroller.scrollTop;
  }

  /** Adds or moves an item to its place by `seq` (null: at the end, as unsent). */
  place(el, seq, { follow = false } = {}) {
    // The scroll event that re-sticks a reader who just went back to the end can still be
    // pending when a message arrives; where the view is now counts too.
    const stick = follow || this.stuck || this.nearEnd();
    if (seq == null) {
      if (el.parentNode !== this.list) this.list.append(el);
    } else {
      el.dataset.seq = String(seq);
      this.bySeq.set(seq, el);
      // Walk back over unsent items and items numbered after this one.
      let ref = null;
      for (let n = this.list.lastElementChild; n; n = n.previousElementSibling) {
        if (n === el) continue;
        const s = n.dataset.seq;
        if (s === undefined ? n.classList.contains('pending') : Number(s) > seq) ref = n;
        else break;
      }
      const inPlace = el.parentNode === this.list && el.nextElementSibling === ref;
      if (!inPlace) this.list.insertBefore(el, ref);
    }
    if (stick) this.scrollToEnd();
    return el;
  }

  forget(seq) {
    this.bySeq.delete(seq);
  }

  remove(el) {
    if (el.dataset.seq && this.bySeq.get(Number(el.dataset.seq)) === el) this.bySeq.delete(Number(el.dataset.seq));
    el.remove();
  }

  /** A chat message. `own` items start pending when they have no `seq` yet. */
  message({ seq = null, from, name = '', text, at, follow = false }) {
    const own = from === 'customer';
    const who = own ? t('bg-chat-you') : name;
    const el = h('li', { class: `msg ${own ? 'customer' : 'rep'}` },
      h('p', { class: 'msg-head' },
        h('span', { class: 'msg-who' }, who),
        ' ',
        setTime(h('time'), at)),
      h('p', { class: 'msg-body' }, linkify(text)));
    if (seq == null) this.markPending(el);
    return this.place(el, seq, { follow });
  }

  markPending(el) {
    el.classList.add('pending');
    if (!el.querySelector('.msg-state')) el.append(h('p', { class: 'msg-state' }, t('bg-chat-pending')));
  }

  /** The server has the message: it is numbered and no longer pending. */
  confirm(el, seq, at) {
    el.classList.remove('pending', 'failed');
    el.querySelector('.msg-state')?.remove();
    if (at != null) setTime(el.querySelector('time'), at);
    return this.place(el, seq);
  }

  /** The message will not be sent (too long, or the session ended first). */
  fail(el, why) {
    el.classList.remove('pending');
    el.classList.add('failed');
    const state = el.querySelector('.msg-state') || el.appendChild(h('p', { class: 'msg-state' }));
    state.textContent = why;
  }

  /** A line about the session (someone joined, a transfer...). */
  notice(seq, text, at) {
    const el = h('li', { class: 'system' },
      h('span', { class: 'system-text' }, text), ' ', setTime(h('time'), at));
    return this.place(el, seq);
  }

  /** A message the customer left for the team, with the name and contact they gave. */
  leftMessage(seq, body, at) {
    const details = [body.name, body.contact].filter((v) => typeof v === 'string' && v.trim());
    const el = h('li', { class: 'msg customer left' },
      h('p', { class: 'msg-head' },
        h('span', { class: 'msg-who' }, t('bg-chat-you')), ' ', setTime(h('time'), at)),
      details.length ? h('p', { class: 'msg-from' }, details.join(' · ')) : null,
      h('p', { class: 'msg-body' }, linkify(String(body.text ?? ''))));
    return this.place(el, seq);
  }

  /** A representative's request to elevate, with Accept and Decline buttons. */
  elevation(seq, name, at, onAnswer) {
    const accept = h('button', { type: 'button', class: 'btn' }, t('bg-chat-elevation-accept'));
    const decline = h('button', { type: 'button', class: 'btn btn-secondary' }, t('bg-chat-elevation-decline'));
    const text = h('p', { class: 'elevation-text', id: `elevation-${seq}` }, t('bg-chat-elevation-request', { name }));
    const actions = h('div', { class: 'actions', role: 'group', 'aria-labelledby': text.id }, accept, decline);
    const el = h('li', { class: 'elevation open' },
      h('p', { class: 'msg-head' }, h('span', { class: 'msg-who' }, name), ' ', setTime(h('time'), at)),
      text, actions);
    accept.addEventListener('click', () => onAnswer(true, el));
    decline.addEventListener('click', () => onAnswer(false, el));
    return this.place(el, seq);
  }

  /** Removes a request's buttons once it is answered (moving focus out of the gone group). */
  closeElevation(el) {
    if (!el.classList.contains('open')) return;
    const hadFocus = el.contains(document.activeElement);
    el.classList.remove('open');
    el.querySelector('.actions')?.remove();
    if (hadFocus) this.scroller.focus();
  }

  /** After an accepted elevation: a link to the download page, in case no tab opened. */
  elevationLink(el, href, label) {
    el.querySelector('.elevation-link')?.remove();
    el.append(h('p', { class: 'elevation-link' },
      h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label)));
  }
}
