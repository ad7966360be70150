// The click-to-chat page: joins its session over the chat WebSocket (docs/chat_protocol.md),
// shows the session's events in order, and sends the customer's messages with ids so that a
// resend is harmless. Everything from the other side is inserted as text, never as HTML.
//
// No loss, no duplicates: a message is shown at once as pending and kept in an outbox
// (sessionStorage) until its `ack`; one message is in flight at a time, so the server stores
// them in the order typed. A reload asks for the whole log again (`after` 0) and re-renders it
// once; reconnects ask only for what came after the last event shown.

import { Connection } from './chat/connection.js';
import { safeHref } from './chat/dom.js';
import { DownloadTab } from './chat/elevation.js';
import { t } from './chat/i18n.js';
import { ChatLog } from './chat/log.js';
import { Outbox, storage } from './chat/outbox.js';
import { showEnded, wireEndDialog, wireLeaveDialog } from './chat/controls.js';
import { $, notice, OwnTyping, renderStatus, TypingLine, UnreadTitle } from './chat/ui.js';

const MAX_CHARS = 4000;
/** A representative's typing indicator without a refresh for this long is gone. */
const TYPING_STALE_MS = 6000;
/** After `rate_limited`, the outbox waits this long before trying again. */
const RATE_PAUSE_MS = 1500;

const root = /** @type {HTMLElement} */ (document.querySelector('main.chat'));
const token = root.dataset.token || '';
const SEQ_KEY = `beckon-seq-${token}`;
const form = /** @type {HTMLFormElement} */ ($('chat-form'));
const input = /** @type {HTMLTextAreaElement} */ ($('chat-input'));

const log = new ChatLog($('chat-log'), /** @type {HTMLOListElement} */ ($('chat-list')));
const outbox = new Outbox(`beckon-outbox-${token}`);
const typing = new TypingLine($('chat-typing'), TYPING_STALE_MS);
const unread = new UnreadTitle();
const downloadTab = new DownloadTab();

/** The last event shown before a reload; those events are re-rendered without announcing. */
const resumeSeq = Number(storage.get(SEQ_KEY)) || 0;
const st = {
  /** The last event processed by this page (a reload starts again from 0). */
  lastSeq: 0,
  /** The highest sequence number known, from events and acks. */
  highSeq: 0,
  link: 'connecting',
  reconnected: false,
  /** @type {string|null} */ state: null,
  /** @type {string|null} */ nobody: null,
  /** @type {{position: number, estimated_wait_secs: number|null}|null} */ queue: null,
  ended: false,
  replayed: false,
  /** @type {string|null} the id of the chat message awaiting its ack */ inflight: null,
  pauseUntil: 0,
  endRequested: false,
  /** @type {{name: string, contact: string, text: string}|null} */ leave: null,
};
let pumpTimer = 0;
let reconnectedTimer = 0;

const conn = new Connection({
  url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/chat/ws?token=${encodeURIComponent(token)}`,
  after: () => st.lastSeq,
  onMessage,
  onState(link) {
    const wasDown = st.link === 'reconnecting' || st.link === 'offline';
    st.link = link;
    if (link === 'open' && wasDown) {
      st.reconnected = true;
      clearTimeout(reconnectedTimer);
      reconnectedTimer = setTimeout(() => { st.reconnected = false; status(); }, 4000);
    } else if (link !== 'open') {
      st.reconnected = false;
    }
    status();
  },
  onReplayed() {
    st.replayed = true;
    log.quiet(false);
    if (st.endRequested) conn.send({ type: 'end' });
    if (st.leave) conn.send({ type: 'leave_message', ...st.leave });
    pump();
  },
  onClose(code, reason) {
    st.replayed = false;
    st.inflight = null;
    ownTyping.reset();
    typing.clear();
    if (code === 1000 && reason === 'session ended') finish();
  },
  probe: () => {
    // Failing again and again: a session that ended meanwhile has no chat page any more.
    fetch(location.pathname, { method: 'HEAD', cache: 'no-store' })
      .then((r) => { if (r.status === 404) finish(); })
      .catch(() => {});
  },
});

const ownTyping = new OwnTyping((active) => conn.ready && conn.send({ type: 'typing', active }));
const leaveDialog = wireLeaveDialog((msg) => {
  st.leave = msg;
  return st.replayed && conn.send({ type: 'leave_message', ...msg });
});

function status() {
  renderStatus(st);
}

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      st.state = msg.state;
      st.nobody = typeof msg.nobody_available === 'string' ? msg.nobody_available : null;
      if (st.state === 'active') st.queue = null;
      break;
    case 'queue':
      st.queue = { position: Number(msg.position) || 0, estimated_wait_secs: msg.estimated_wait_secs ?? null };
      break;
    case 'event':
      onEvent(msg);
      break;
    case 'ack':
      onAck(String(msg.id), Number(msg.seq));
      return;
    case 'typing':
      if (msg.from === 'rep') typing.set(String(msg.name || ''), !!msg.active);
      return;
    case 'elevate':
      onElevate(msg.download_url);
      return;
    case 'error':
      onError(msg.code);
      return;
    default:
      return;
  }
  status();
}

/** One entry of the session's log, each handled once per page. */
function onEvent(e) {
  const seq = Number(e.seq);
  if (!(seq > st.lastSeq)) return;
  st.lastSeq = seq;
  st.highSeq = Math.max(st.highSeq, seq);
  storage.set(SEQ_KEY, String(seq));
  if (seq > resumeSeq) log.quiet(false);
  const body = e.body && typeof e.body === 'object' ? e.body : {};
  const name = String(e.name || body.name || '');
  const at = Number(e.at) || Date.now();
  switch (e.kind) {
    case 'chat_message':
      return onChatEvent(seq, e.from, name, String(body.text ?? ''), at);
    case 'member_joined':
      st.state = 'active';
      st.queue = null;
      return void log.notice(seq, t('bg-chat-rep-joined', { name }), at);
    case 'member_left':
      typing.set(name, false);
      return void log.notice(seq, t('bg-chat-rep-left', { name }), at);
    case 'member_invited':
      return void log.notice(seq, t('bg-chat-rep-invited', { name }), at);
    case 'transferred':
      // The representatives' note travels with the event but is not for the customer.
      st.state = 'queued';
      typing.clear();
      return void log.notice(seq, t('bg-chat-transferred'), at);
    case 'state_changed':
      if (body.to === 'ended') return finish();
      if (body.to === 'queued' && st.state !== 'active') st.state = 'queued';
      return;
    case 'elevation_requested':
      return void log.elevation(seq, name, at, answerElevation);
    case 'elevation_accepted':
    case 'elevation_declined':
      for (const el of document.querySelectorAll('#chat-list li.elevation.open')) log.closeElevation(/** @type {HTMLElement} */ (el));
      if (e.kind === 'elevation_declined') log.notice(seq, t('bg-chat-elevation-declined'), at);
      return;
    case 'customer_left_message': {
      const el = log.leftMessage(seq, body, at);
      el.append(Object.assign(document.createElement('p'), { className: 'msg-state', textContent: t('bg-chat-leave-message-sent') }));
      if (st.leave && st.leave.text === body.text) {
        st.leave = null;
        leaveDialog.done();
      }
      return;
    }
    // Anything else is not for this page: the full client's events (client_joined,
    // capability_*, system_info) are between the client and the representative.
    default:
  }
}

function onChatEvent(seq, from, name, text, at) {
  if (from !== 'customer') {
    typing.set(name, false);
    log.message({ seq, from: 'rep', name, text, at });
    unread.bump();
    return;
  }
  const shown = log.get(seq);
  if (shown) {
    log.confirm(shown, seq, at); // our own message, acked already: the server's time now
    return;
  }
  // Sent before the connection broke, stored, but its ack was lost: the replay brings it
  // back without its id. Only the oldest unacked message can be it (one is in flight).
  const head = outbox.head();
  if (head && head.el && head.seq == null && head.sent && seq > head.minSeq && head.text === text) {
    head.seq = seq;
    head.adoptedAt = at;
    log.confirm(head.el, seq, at);
    return;
  }
  log.message({ seq, from: 'customer', text, at });
}

function onAck(id, seq) {
  if (st.inflight === id) st.inflight = null;
  st.highSeq = Math.max(st.highSeq, seq);
  const item = outbox.get(id);
  if (item) {
    outbox.remove(id);
    if (item.seq != null && item.seq !== seq) {
      // It was taken for an equal text from elsewhere (another tab): show that one again.
      log.forget(item.seq);
      log.message({ seq: item.seq, from: 'customer', text: item.text, at: item.adoptedAt ?? item.at });
    }
    const other = log.get(seq);
    if (other && other !== item.el) item.el?.remove();
    else if (item.el) log.confirm(item.el, seq);
    if (st.pauseUntil) {
      st.pauseUntil = 0;
      notice('');
    }
  }
  pump();
}

/** Sends the oldest unacknowledged message, if the connection and the rate allow. */
function pump() {
  clearTimeout(pumpTimer);
  if (st.ended || st.inflight || !st.replayed || !conn.ready) return;
  const wait = st.pauseUntil - Date.now();
  if (wait > 0) {
    pumpTimer = setTimeout(pump, wait);
    return;
  }
  const item = outbox.head();
  if (!item) return;
  if (!item.sent) item.minSeq = Math.max(item.minSeq, st.highSeq);
  if (conn.send({ type: 'chat', id: item.id, text: item.text })) {
    st.inflight = item.id;
    if (!item.sent) {
      item.sent = true;
      outbox.save();
    }
  }
}

function onError(code) {
  const item = st.inflight ? outbox.get(st.inflight) : null;
  st.inflight = null;
  if (code === 'rate_limited') {
    st.pauseUntil = Date.now() + RATE_PAUSE_MS;
    notice(t('bg-chat-rate-limited'), 0);
  } else if (code === 'invalid_message') {
    const why = t('bg-chat-too-long', { max: MAX_CHARS });
    if (item) {
      outbox.remove(item.id);
      if (item.el) log.fail(item.el, why);
      if (!input.value) input.value = item.text.slice(0, MAX_CHARS);
      notice(why);
    } else if (st.leave) {
      st.leave = null;
      leaveDialog.refused(why);
    }
  }
  pump();
}

function answerElevation(accept, el) {
  if (!conn.ready) {
    notice(t('bg-chat-offline'));
    return;
  }
  if (accept) downloadTab.reserve();
  conn.send({ type: 'elevation', accept });
  log.closeElevation(el);
}

function onElevate(url) {
  const href = safeHref(String(url || ''));
  if (!href) return;
  const cards = document.querySelectorAll('#chat-list li.elevation');
  const card = /** @type {HTMLElement|undefined} */ (cards[cards.length - 1]);
  if (card) log.elevationLink(card, href, t('bg-dialog-manual'));
  downloadTab.open(href);
}

/** The session is over: no more sending, the transcript links instead of the composer. */
function finish() {
  if (st.ended) return;
  st.ended = true;
  conn.stop();
  ownTyping.reset();
  typing.clear();
  clearTimeout(pumpTimer);
  for (const item of outbox.items) if (item.el) log.fail(item.el, '');
  outbox.clear();
  for (const el of document.querySelectorAll('#chat-list li.elevation.open')) log.closeElevation(/** @type {HTMLElement} */ (el));
  storage.remove(SEQ_KEY);
  log.quiet(false);
  showEnded();
  status();
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  if (!text || st.ended) return;
  if ([...text].length > MAX_CHARS) {
    notice(t('bg-chat-too-long', { max: MAX_CHARS }));
    return;
  }
  const item = outbox.add(text, st.highSeq);
  item.el = log.message({ from: 'customer', text, at: item.at, follow: true });
  input.value = '';
  ownTyping.stop();
  pump();
});

input.addEventListener('keydown', (ev) => {
  // Enter sends, Shift+Enter is a new line; an IME composing (Japanese, Chinese) keeps Enter.
  if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
    ev.preventDefault();
    form.requestSubmit();
  }
});

input.addEventListener('input', () => {
  ownTyping.input(input.value.trim() !== '');
  if (input.value.length >= MAX_CHARS) notice(t('bg-chat-too-long', { max: MAX_CHARS }));
});

wireEndDialog(() => {
  st.endRequested = true;
  if (st.replayed) conn.send({ type: 'end' });
});

// Messages a previous load of this page could not deliver wait at the end of the log.
for (const item of outbox.items) item.el = log.message({ from: 'customer', text: item.text, at: item.at });
if (resumeSeq > 0) log.quiet(true);
status();
conn.start();
