// One open session: its tab panel with the conversation, typing indicators both ways, the
// composer, the side panel (details and internal notes) and the actions the representative
// may take. Events arrive from the console socket, each shown once (deduplicated by seq).

import { post, randomId, sessionPath } from './api.js';
import { announce, h, notice } from './dom.js';
import { languageLabel, startTypeLabel, topicLabel } from './format.js';
import { ClientPanel, isClientEvent } from './client.js';
import { ScreenPanel, isScreenEvent } from './screen.js';
import { FilesPanel, isFileEvent } from './files.js';
import { renderDetails } from './details.js';
import { ShellPanel, isShellEvent } from './terminal.js';
import { eventLine, insertLine } from './transcript.js';
import { TypingSignal } from './typing.js';
import { SocketUnavailable } from './socket.js';

const CUSTOMER_TYPING_TIMEOUT_MS = 15_000;

/**
 * @typedef {import('./transcript.js').SessionEvent} SessionEvent
 * @typedef {{ me: number, sendTyping: (lsid: string, active: boolean) => void,
 *   send: (msg: Record<string, unknown>) => boolean,
 *   chat: (lsid: string, id: string, text: string) => Promise<number>,
 *   repName: (id: number) => string, isSelected: (lsid: string) => boolean,
 *   onChange: (p: SessionPanel) => void, onClose: (p: SessionPanel) => void,
 *   act: (action: 'transfer' | 'invite' | 'end', p: SessionPanel) => void }} PanelContext
 */

export class SessionPanel {
  /**
   * @param {Record<string, any>} view the session as the API shows it
   * @param {PanelContext} ctx
   */
  constructor(view, ctx) {
    this.ctx = ctx;
    this.view = view;
    this.lsid = /** @type {string} */ (view.lsid);
    /** @type {Map<number, SessionEvent>} */
    this.events = new Map();
    this.lastSeq = 0;
    /** @type {Set<number>} sequence numbers already shown */
    this.shown = new Set();
    this.live = true;
    /** @type {'' | 'Ended' | 'Transferred' | 'Left'} */
    this.closedAs = '';
    this.unread = false;
    /** @type {{li: HTMLElement, text: string, id: string}[]} */
    this.pending = [];
    /** Deliveries in turn, so that this session's messages are stored in the order written. */
    this.delivering = Promise.resolve();
    this.typingOut = new TypingSignal((active) => ctx.sendTyping(this.lsid, active));
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.customerTypingTimer = undefined;
    this.detailsJson = '';
    /** Server time the tab opened: older queue snapshots do not close it, older messages are not new. */
    this.openedAt = 0;
    this.actionsKey = '';
    const id = this.lsid.replace(/[^a-zA-Z0-9_-]/g, '_');
    this.title = h('h2', { class: 'session-title', tabindex: '-1' });
    this.sub = h('p', { class: 'session-sub' });
    this.stateLine = h('p', { class: 'session-state', role: 'status' });
    this.actions = h('div', { class: 'session-actions', role: 'group', 'aria-label': 'Session actions' });
    this.log = h('ol', { class: 'chat-log', 'aria-label': 'Conversation', tabindex: '0' });
    this.typing = h('p', { class: 'typing', 'aria-live': 'polite' });
    this.input = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: `msg-${id}`, class: 'composer-input', rows: '2', maxlength: '4000', required: true }));
    this.composer = /** @type {HTMLFormElement} */ (h('form', { class: 'composer', autocomplete: 'off' },
      h('label', { for: `msg-${id}`, class: 'visually-hidden' }, 'Message to the customer'),
      this.input, h('button', { type: 'submit' }, 'Send')));
    this.details = h('div', { class: 'details' });
    this.client = new ClientPanel(this.lsid);
    this.shell = new ShellPanel(this.lsid);
    this.screen = new ScreenPanel(this.lsid, ctx.send);
    this.files = new FilesPanel(this.lsid);
    this.noteInput = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: `note-${id}`, rows: '2', maxlength: '4000', required: true }));
    this.noteForm = /** @type {HTMLFormElement} */ (h('form', { class: 'note-form' },
      h('label', { for: `note-${id}` }, 'Add an internal note (representatives only)'),
      this.noteInput, h('button', { type: 'submit', class: 'secondary' }, 'Add note')));
    this.el = h('section', { class: 'session-panel', 'data-lsid': this.lsid },
      h('header', { class: 'session-head' }, h('div', { class: 'session-heading' }, this.title, this.sub), this.actions),
      this.stateLine,
      h('div', { class: 'session-body' },
        h('div', { class: 'chat' }, this.log, this.shell.el, this.typing, this.composer),
        h('aside', { class: 'session-side', 'aria-label': 'Customer and session details' }, this.details, this.client.el, this.screen.el, this.files.el,
          h('section', { class: 'notes', 'aria-label': 'Internal notes' }, this.noteForm))));
    this.wire();
    this.setView(view);
  }

  get name() {
    return this.view.customer?.name || 'Anonymous customer';
  }

  get owner() {
    return this.view.owner_id === this.ctx.me;
  }

  wire() {
    // Announce new lines once the replay of earlier ones is over.
    setTimeout(() => {
      this.log.setAttribute('aria-live', 'polite');
      this.log.setAttribute('aria-relevant', 'additions');
    }, 1500);
    this.composer.addEventListener('submit', (ev) => { ev.preventDefault(); this.send(); });
    this.input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); this.composer.requestSubmit(); }
    });
    this.input.addEventListener('input', () => this.typingOut.input(Boolean(this.input.value.trim())));
    this.input.addEventListener('blur', () => this.typingOut.stop());
    this.noteForm.addEventListener('submit', (ev) => { ev.preventDefault(); this.addNote(); });
  }

  /** @param {Record<string, any>} view */
  setView(view) {
    this.view = { ...this.view, ...view };
    this.title.textContent = this.name;
    this.sub.textContent = [topicLabel(this.view), startTypeLabel(this.view.start_type), languageLabel(this.view.locale)].join(' · ');
    this.log.setAttribute('aria-label', `Conversation with ${this.name}`);
    const json = JSON.stringify(this.view);
    if (json !== this.detailsJson) {
      this.detailsJson = json;
      renderDetails(this.details, this.view, this.ctx.me);
    }
    this.renderActions();
  }

  renderActions() {
    const key = [this.live, this.owner, this.closedAs, this.view.start_type].join();
    if (key === this.actionsKey) return;
    this.actionsKey = key;
    /** @type {HTMLElement[]} */
    const buttons = [];
    const button = (/** @type {string} */ label, /** @type {() => void} */ fn, cls = 'secondary') => {
      const b = h('button', { type: 'button', class: cls }, label);
      b.addEventListener('click', fn);
      buttons.push(b);
    };
    if (this.live && this.owner) {
      button('Transfer', () => this.ctx.act('transfer', this));
      button('Invite', () => this.ctx.act('invite', this));
      if (this.view.start_type === 'chat') button('Ask to elevate', () => this.elevate());
      button('End session', () => this.ctx.act('end', this), 'danger');
    } else if (this.live) {
      button('Leave session', () => this.leave());
    } else {
      button('Close tab', () => this.ctx.onClose(this));
    }
    const focusedLabel = this.actions.contains(document.activeElement) ? document.activeElement?.textContent : null;
    this.actions.replaceChildren(...buttons);
    const again = buttons.find((b) => b.textContent === focusedLabel);
    if (focusedLabel) (again || this.title).focus();
    this.composer.hidden = !this.live;
    this.renderClient();
    this.noteForm.hidden = !(this.live || (this.owner && this.closedAs === 'Ended'));
    this.stateLine.textContent = this.live ? '' : this.closedText();
    this.stateLine.hidden = this.live;
  }

  /** The full client's panel, from every event so far (also after the session closed). */
  renderClient() {
    this.client.render(this.events.values(), { owner: this.owner, live: this.live });
    this.shell.update(this.events, { owner: this.owner, live: this.live });
    this.screen.render(this.events.values(), { owner: this.owner, live: this.live });
    this.files.render(this.events.values(), { owner: this.owner, live: this.live });
  }

  closedText() {
    if (this.closedAs === 'Ended') return 'This session has ended.';
    if (this.closedAs === 'Transferred') return 'You transferred this session; it is no longer yours.';
    if (this.closedAs === 'Left') return 'You left this session.';
    return 'This session is no longer yours.';
  }

  /** @param {SessionEvent} e */
  addEvent(e) {
    if (this.events.has(e.seq)) return;
    // Events read over HTTP name their actor only.
    if (!e.from) e.from = ['customer', 'rep'].includes(e.actor?.kind) ? e.actor.kind : 'system';
    this.events.set(e.seq, e);
    const inOrder = e.seq > this.lastSeq && this.shown.size === this.events.size - 1;
    this.lastSeq = Math.max(this.lastSeq, e.seq);
    if (e.kind === 'chat_message' && e.from === 'customer') this.showCustomerTyping(false);
    if (isClientEvent(e.kind) || isScreenEvent(e.kind) || isFileEvent(e.kind)) this.renderClient();
    else if (isShellEvent(e.kind)) this.shell.update(this.events, { owner: this.owner, live: this.live });
    if (!this.live) return;
    // The usual case, the next event after all shown ones, costs no scan of the log.
    if (inOrder) this.show(e);
    else this.render();
  }

  /** Shows stored events not shown yet, each at its place in sequence order. */
  render() {
    const seqs = [...this.events.keys()].filter((s) => !this.shown.has(s)).sort((a, b) => a - b);
    for (const seq of seqs) this.show(/** @type {SessionEvent} */ (this.events.get(seq)));
  }

  /** @param {SessionEvent} e */
  show(e) {
    this.shown.add(e.seq);
    if (this.adopt(e)) return;
    const li = eventLine(e, { me: this.ctx.me, customerName: () => this.name, repName: this.ctx.repName });
    if (!li) return;
    const atBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 60;
    insertLine(this.log, li, e.seq);
    if (atBottom) this.log.scrollTop = this.log.scrollHeight;
    if (e.kind === 'chat_message' && !(e.from === 'rep' && e.actor.id === this.ctx.me)) this.newMessage(e);
  }

  /**
   * The server's copy of a message sent from this console replaces its pending line.
   * @param {SessionEvent} e
   */
  adopt(e) {
    if (e.kind !== 'chat_message' || e.from !== 'rep' || e.actor.id !== this.ctx.me) return false;
    const i = this.pending.findIndex((p) => p.text === e.body.text);
    if (i < 0) return false;
    const [p] = this.pending.splice(i, 1);
    p.li.replaceWith(/** @type {HTMLElement} */ (eventLine(e, { me: this.ctx.me, customerName: () => this.name, repName: this.ctx.repName })));
    return true;
  }

  /** @param {SessionEvent} e */
  newMessage(e) {
    // Replayed history (a reload, a reopened tab) is not news.
    if (this.ctx.isSelected(this.lsid) || e.at < this.openedAt) return;
    this.unread = true;
    this.ctx.onChange(this);
    announce(`New message from ${e.from === 'customer' ? this.name : e.body.name || 'a colleague'}`);
  }

  /** The session left the representative's list (ended, transferred, left). */
  close() {
    if (!this.live) return;
    this.live = false;
    const last = [...this.events.values()].sort((a, b) => b.seq - a.seq)
      .find((e) => ['state_changed', 'transferred', 'member_left'].includes(e.kind));
    if (last?.kind === 'state_changed' && last.body.to === 'ended') this.closedAs = 'Ended';
    else if (last?.kind === 'transferred') this.closedAs = 'Transferred';
    else if (last?.kind === 'member_left') this.closedAs = 'Left';
    this.typingOut.stop();
    this.showCustomerTyping(false);
    this.renderActions();
    this.ctx.onChange(this);
  }

  /** The session is in the representative's list (again). */
  reopen(/** @type {Record<string, any>} */ view) {
    this.setView(view);
    // Ended sessions never come back; a stale snapshot must not revive them.
    if (this.live || this.closedAs === 'Ended') return;
    this.live = true;
    this.closedAs = '';
    this.openedAt = Math.max(this.openedAt, Number(view.accepted_at) || 0);
    this.render();
    this.renderActions();
    this.ctx.onChange(this);
  }

  /** @param {boolean} active */
  showCustomerTyping(active) {
    clearTimeout(this.customerTypingTimer);
    this.typing.textContent = active && this.live ? 'Customer is typing…' : '';
    if (active) this.customerTypingTimer = setTimeout(() => this.showCustomerTyping(false), CUSTOMER_TYPING_TIMEOUT_MS);
  }

  send() {
    const text = this.input.value;
    if (!text.trim() || !this.live) return;
    this.input.value = '';
    this.typingOut.stop();
    const li = h('li', { class: 'msg msg-me pending' },
      h('p', { class: 'msg-meta' }, h('span', { class: 'msg-who' }, 'You'), ' ', h('span', { class: 'sending' }, 'Sending…')),
      h('p', { class: 'msg-text' }, text));
    this.log.append(li);
    this.log.scrollTop = this.log.scrollHeight;
    const p = { li, text, id: randomId() };
    this.pending.push(p);
    this.deliver(p);
  }

  /** @param {{li: HTMLElement, text: string, id: string}} p */
  deliver(p) {
    this.delivering = this.delivering.then(() => this.deliverNow(p));
  }

  /**
   * Over the console socket, else over the API: the server stores an id once, so a message
   * the socket took but could not confirm is not doubled by sending it again.
   * @param {{li: HTMLElement, text: string, id: string}} p
   */
  async deliverNow(p) {
    try {
      try {
        await this.ctx.chat(this.lsid, p.id, p.text);
      } catch (e) {
        if (!(e instanceof SocketUnavailable)) throw e;
        await post(`${sessionPath(this.lsid)}/messages`, { id: p.id, text: p.text });
      }
    } catch (e) {
      if (!this.pending.includes(p)) return;
      const retry = h('button', { type: 'button', class: 'link-button' }, 'Retry');
      retry.addEventListener('click', () => { retry.parentElement?.replaceChildren('Sending…'); this.deliver(p); });
      p.li.querySelector('.sending')?.replaceChildren(`Not sent: ${/** @type {Error} */ (e).message} `, retry);
      p.li.classList.add('failed');
    }
  }

  async addNote() {
    const text = this.noteInput.value.trim();
    if (!text) return;
    try {
      await post(`${sessionPath(this.lsid)}/notes`, { text });
      this.noteInput.value = '';
      announce('Note added');
    } catch (e) {
      notice(`Could not add the note: ${/** @type {Error} */ (e).message}`);
    }
  }

  async elevate() {
    try {
      await post(`${sessionPath(this.lsid)}/elevate`);
      announce('Elevation requested');
    } catch (e) {
      notice(`Could not ask to elevate: ${/** @type {Error} */ (e).message}`);
    }
  }

  async leave() {
    try {
      await post(`${sessionPath(this.lsid)}/leave`);
    } catch (e) {
      notice(`Could not leave the session: ${/** @type {Error} */ (e).message}`);
    }
  }
}
