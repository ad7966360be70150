// The modal dialogs of a session: transfer (to a colleague or a team, with a note), invite a
// colleague, and the confirmation before ending. Native <dialog>: focus is kept inside and
// Escape cancels.

import { get, post, sessionPath } from './api.js';
import { announce, byId, h, replace } from './dom.js';
import { labels } from './format.js';

/** @typedef {import('./session.js').SessionPanel} SessionPanel */
/** @typedef {{id: number, public_display_name: string, private_display_name: string, status: string | null}} Colleague */

/** @type {Colleague[]} */
export let colleagues = [];

/** Refreshes the colleague list (names for transcripts, choices for transfer and invite). */
export async function loadColleagues() {
  try {
    colleagues = (await get('/api/rep/colleagues')).colleagues || [];
  } catch {
    // Keep the last list.
  }
  return colleagues;
}

const STATUS = /** @type {Record<string, string>} */ ({ available: 'available', busy: 'busy', away: 'away' });
const colleagueLabel = (/** @type {Colleague} */ c) => `${c.private_display_name || c.public_display_name} (${c.status ? STATUS[c.status] || c.status : 'signed out'})`;

/**
 * Wires one dialog: its form's submit runs `action`; errors stay in the dialog.
 * @param {string} name transfer | invite | end
 * @param {(panel: SessionPanel) => Promise<string>} action resolves to an announcement
 */
function wire(name, action) {
  const dialog = /** @type {HTMLDialogElement} */ (byId(`${name}-dialog`));
  const form = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
  const error = /** @type {HTMLElement} */ (byId(`${name}-error`));
  const submit = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
  /** @type {SessionPanel | null} */
  let current = null;
  dialog.querySelectorAll('[data-close]').forEach((b) => b.addEventListener('click', () => dialog.close()));
  dialog.addEventListener('close', () => {
    const back = current?.el.querySelector('.session-actions button');
    current = null;
    if (back instanceof HTMLElement) back.focus();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!current) return;
    submit.disabled = true;
    error.hidden = true;
    try {
      const said = await action(current);
      dialog.close();
      announce(said);
    } catch (e) {
      error.textContent = /** @type {Error} */ (e).message;
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  return {
    dialog,
    /** @param {SessionPanel} panel */
    open(panel) {
      current = panel;
      error.hidden = true;
      const sub = dialog.querySelector('.dialog-sub');
      if (sub) sub.textContent = `Session with ${panel.name}`;
      form.reset();
      dialog.showModal();
    },
  };
}

/** @type {Record<string, {dialog: HTMLDialogElement, open: (p: SessionPanel) => void}>} */
const dialogs = {};

export function setupDialogs() {
  const target = /** @type {HTMLSelectElement} */ (byId('transfer-target'));
  const invitee = /** @type {HTMLSelectElement} */ (byId('invite-rep'));
  dialogs.transfer = wire('transfer', async (p) => {
    const note = /** @type {HTMLTextAreaElement} */ (byId('transfer-note')).value.trim();
    const label = target.selectedOptions[0]?.textContent || target.value;
    await post(`${sessionPath(p.lsid)}/transfer`, { queue: target.value, note });
    return `Session transferred to ${label}`;
  });
  dialogs.invite = wire('invite', async (p) => {
    const label = invitee.selectedOptions[0]?.textContent || '';
    await post(`${sessionPath(p.lsid)}/invite`, { rep_id: Number(invitee.value) });
    return `Invitation sent to ${label}`;
  });
  dialogs.end = wire('end', async (p) => {
    await post(`${sessionPath(p.lsid)}/end`);
    return `Session with ${p.name} ended`;
  });
  return {
    /**
     * @param {'transfer' | 'invite' | 'end'} action
     * @param {SessionPanel} panel
     */
    async open(action, panel) {
      if (action !== 'end') {
        await loadColleagues();
        // Available colleagues first, then busy, away and signed out.
        const rank = (/** @type {Colleague} */ c) => ['available', 'busy', 'away'].indexOf(c.status ?? '') >>> 0;
        const sorted = [...colleagues].sort((a, b) => rank(a) - rank(b) || a.public_display_name.localeCompare(b.public_display_name));
        const reps = sorted.map((c) => h('option', { value: action === 'invite' ? c.id : `rep:${c.id}` }, colleagueLabel(c)));
        if (action === 'invite') {
          replace(invitee, reps);
        } else {
          replace(target,
            h('optgroup', { label: 'Representatives' }, reps),
            h('optgroup', { label: 'Teams' }, labels.teams.map((t) => h('option', { value: `team:${t.id}` }, t.name))),
            h('option', { value: 'general' }, 'General queue'));
        }
      }
      dialogs[action].open(panel);
      if (action === 'transfer') target.selectedIndex = 0;
    },
  };
}
