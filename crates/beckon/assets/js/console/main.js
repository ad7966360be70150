// The representative console: presence, live queues, open sessions in tabs, session keys and
// history, all over the representative API and the console socket.

import { ApiError, get, put, sessionPath } from './api.js';
import { byId, notice } from './dom.js';
import { serverNow, setLabels, setServerNow } from './format.js';
import { setupNotificationButton } from './alerts.js';
import { ConsoleSocket } from './socket.js';
import { Queues, tick } from './queue.js';
import { Tabs } from './tabs.js';
import { SessionPanel } from './session.js';
import { colleagues, loadColleagues, setupDialogs } from './dialogs.js';
import { KeysView } from './keys.js';
import { HistoryView } from './history.js';

const root = byId('console');
const me = Number(root.dataset.userId);
const PRESENCE_KEY = 'beckon-presence';

/** @param {number} id */
const repName = (id) => {
  const c = colleagues.find((x) => x.id === id);
  return c ? c.public_display_name : `representative ${id}`;
};

// ---- Presence: "available" on load unless this tab chose otherwise; the select follows.
const presence = /** @type {HTMLSelectElement} */ (byId('presence'));
presence.value = sessionStorage.getItem(PRESENCE_KEY) || 'available';
let presenceSet = presence.value;
async function setPresence(/** @type {string} */ status) {
  try {
    await put('/api/rep/presence', { status });
    presenceSet = status;
    sessionStorage.setItem(PRESENCE_KEY, status);
    root.dataset.presence = status;
  } catch (e) {
    presence.value = presenceSet;
    notice(`Could not change your status: ${/** @type {Error} */ (e).message}`);
  }
}
presence.addEventListener('change', () => setPresence(presence.value));

setupNotificationButton(/** @type {HTMLButtonElement} */ (byId('enable-notifications')));

// ---- Views: Sessions, Session keys, History.
/** @type {KeysView | null} */
let keysView = null;
/** @type {HistoryView | null} */
let historyView = null;
const navButtons = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll('.views button[data-view]')]);
function showView(/** @type {string} */ name) {
  for (const b of navButtons) {
    const on = b.dataset.view === name;
    if (on) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    byId(`view-${b.dataset.view}`).hidden = !on;
  }
  if (name === 'keys') keysView?.refresh();
  if (name === 'history') historyView?.show();
}
navButtons.forEach((b) => b.addEventListener('click', () => showView(/** @type {string} */ (b.dataset.view))));

// ---- Open sessions.
/** @type {Map<string, SessionPanel>} */
const panels = new Map();
/** The tab that was selected before a reload. */
const restoreTab = sessionStorage.getItem('beckon-tab');
const tabs = new Tabs(byId('session-tabs'), byId('session-panels'), (lsid) => {
  sessionStorage.setItem('beckon-tab', lsid);
  const p = panels.get(lsid);
  if (!p) return;
  // A hidden log cannot follow new lines: show the latest ones.
  p.log.scrollTop = p.log.scrollHeight;
  if (p.unread) { p.unread = false; label(p); }
});
/** Sessions the server streams on the current socket connection (it never replays them). */
const followed = new Set();
const dialogs = setupDialogs();

/** @param {SessionPanel} p */
function label(p) {
  tabs.setLabel(p.lsid, p.name, { unread: p.unread, state: p.live ? '' : p.closedAs || 'Closed' });
  const live = [...panels.values()].filter((x) => x.live).length;
  byId('nav-sessions-count').textContent = live ? String(live) : '';
  byId('sessions-empty').hidden = panels.size > 0;
}

/**
 * Opens (or refreshes) the tab of a session this representative works.
 * @param {Record<string, any>} view
 * @param {{select?: boolean}} [opts]
 */
function openSession(view, opts = {}) {
  let p = panels.get(view.lsid);
  if (p) {
    p.reopen(view);
  } else {
    p = new SessionPanel(view, {
      me,
      sendTyping: (lsid, active) => socket.send({ type: 'typing', lsid, active }),
      send: (msg) => socket.send(msg),
      chat: (lsid, id, text) => socket.chat(lsid, id, text),
      repName,
      isSelected: (lsid) => tabs.selected === lsid,
      onChange: label,
      onClose: (panel) => {
        tabs.remove(panel.lsid);
        panels.delete(panel.lsid);
        panel.shell.dispose();
        label(panel);
        if (!tabs.size) byId('queues-heading').focus();
      },
      act: (action, panel) => dialogs.open(action, panel),
    });
    p.openedAt = Math.max(view.accepted_at || 0, serverNow());
    panels.set(view.lsid, p);
    tabs.add(view.lsid, p.el);
    if (view.lsid === restoreTab) tabs.select(view.lsid);
    // The socket replays a session it starts following; one it already follows needs a read.
    if (followed.has(view.lsid) || connection.dataset.state !== 'online') backfill(p);
  }
  label(p);
  if (opts.select) {
    showView('sessions');
    tabs.select(p.lsid);
    p.input.focus();
  }
}

/**
 * Reads a session's log over HTTP (a tab opened mid-stream, or reopened), merged by seq.
 * @param {SessionPanel} p
 */
async function backfill(p) {
  try {
    for (let after = 0; ;) {
      const r = await get(`${sessionPath(p.lsid)}/events?after=${after}`);
      for (const e of r.events) p.addEvent(e);
      if (r.customer_typing) p.showCustomerTyping(true);
      if (r.events.length < 1000) break;
      after = r.events[r.events.length - 1].seq;
    }
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 403)) notice(`Could not load the conversation: ${/** @type {Error} */ (e).message}`);
  }
}

/**
 * The sessions this representative works, from a queue message.
 * @param {Record<string, any>[]} mine
 * @param {number} now the server time of the snapshot
 */
function syncMine(mine, now) {
  const current = new Set(mine.map((s) => s.lsid));
  for (const view of mine) {
    openSession(view);
    // From now on the server streams it (after replaying it from the start).
    followed.add(view.lsid);
  }
  for (const p of panels.values()) {
    // A snapshot older than the tab (taken before the accept) says nothing about it.
    if (p.live && !current.has(p.lsid) && now >= (p.openedAt || 0)) p.close();
  }
}

const queues = new Queues({
  me,
  onAccepted: (view) => openSession(view, { select: true }),
  onJoined: () => { /* the session arrives with the next queue message */ },
});

// ---- The socket.
const connection = byId('connection');
const socket = new ConsoleSocket({
  after: () => Object.fromEntries([...panels.values()].filter((p) => p.lastSeq > 0).map((p) => [p.lsid, p.lastSeq])),
  onStatus: (s) => {
    connection.dataset.state = s;
    connection.textContent = s === 'online' ? 'Online' : s === 'connecting' ? 'Connecting…' : 'Offline, reconnecting…';
    if (s === 'offline') {
      // A refused socket may mean the login ended: any API call then shows the sign-in form.
      get('/api/rep/labels').catch(() => {});
    }
  },
  onReconnect: () => setPresence(presenceSet),
  onMessage: (m) => {
    if (m.type === 'queue') {
      setServerNow(m.now);
      queues.update(m.sessions || [], m.invitations || []);
      syncMine(m.mine || [], m.now);
      root.dataset.ready = '1';
    } else if (m.type === 'event') {
      followed.add(m.lsid);
      panels.get(m.lsid)?.addEvent(/** @type {any} */ (m));
    } else if (m.type === 'screen') {
      panels.get(m.lsid)?.screen.onPart(m);
    } else if (m.type === 'typing') {
      panels.get(m.lsid)?.showCustomerTyping(Boolean(m.active));
    } else if (m.type === 'welcome') {
      followed.clear();
      const perms = m.user?.permissions || {};
      byId('nav-keys').hidden = perms.generate_keys === false;
    }
  },
});

let signingOut = false;
document.addEventListener('beckon:signed-out', () => {
  if (signingOut) return;
  signingOut = true;
  socket.stop();
  location.reload();
});
byId('sign-out').addEventListener('click', () => { signingOut = true; socket.stop(); });

setInterval(() => tick(byId('queues')), 1000);

async function start() {
  const labels = get('/api/rep/labels').then(setLabels, (e) => {
    notice(`Could not load issue and team names: ${/** @type {Error} */ (e).message}`);
  });
  await Promise.all([labels, setPresence(presence.value), loadColleagues()]);
  keysView = new KeysView();
  historyView = new HistoryView(me, repName);
  socket.connect();
}
start();
