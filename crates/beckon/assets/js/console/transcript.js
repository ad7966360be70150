// One session's log as lines: chat messages, notes and what happened (joins, transfers,
// elevation, the end). Used by open sessions and by history. Text only, never HTML.

import { h } from './dom.js';
import { osName } from './client.js';
import { teamName, timeOf } from './format.js';

/**
 * @typedef {{ seq: number, kind: string, from?: string, actor: {kind: string, id?: number},
 *   body: Record<string, any>, at: number }} SessionEvent
 * @typedef {{ me: number, customerName: () => string, repName: (id: number) => string }} TranscriptContext
 */

/** Who a queue id names, for transfer lines. */
function target(/** @type {string} */ to, /** @type {TranscriptContext} */ ctx) {
  if (!to || to === 'general') return 'the general queue';
  const [kind, id] = to.split(':');
  if (kind === 'rep') return Number(id) === ctx.me ? 'you' : ctx.repName(Number(id));
  if (kind === 'team') return teamName(Number(id));
  return to;
}

const END_REASONS = /** @type {Record<string, string>} */ ({
  rep_ended: 'ended by the representative',
  customer_ended: 'ended by the customer',
  customer_left: 'the customer left',
  customer_never_connected: 'the customer never connected',
});

/**
 * The screen view's lines (its picture is beside the conversation, never in the log).
 * @param {SessionEvent} e
 * @param {string} name the representative, or `You`
 * @param {TranscriptContext} ctx
 */
function screenText(e, name, ctx) {
  const customer = ctx.customerName();
  switch (e.kind) {
    case 'capability_requested': return `${name} asked to see the customer’s screen`;
    case 'capability_allowed': return `${customer} allowed the screen view`;
    case 'capability_denied': return `${customer} declined the screen view`;
    case 'capability_revoked': return `${customer} stopped sharing the screen`;
    case 'screen_ended':
      return e.actor?.kind === 'rep' ? `${name} stopped viewing the screen` : `The screen view ended${e.body?.reason ? ` (${e.body.reason})` : ''}`;
    default: return null;
  }
}

/**
 * A system line's text, or null for internal events not worth showing.
 * @param {SessionEvent} e
 * @param {TranscriptContext} ctx
 */
function systemText(e, ctx) {
  const b = e.body || {};
  const actorIsMe = e.actor && e.actor.kind === 'rep' && e.actor.id === ctx.me;
  const name = actorIsMe ? 'You' : b.name || 'A representative';
  if (b.capability === 'screen_view' || e.kind === 'screen_ended') return screenText(e, name, ctx);
  switch (e.kind) {
    case 'member_joined':
      return b.role === 'owner' ? `${name} accepted the session` : `${name} joined the session`;
    case 'member_left':
      return `${name} left the session`;
    case 'member_invited':
      return `${b.by || 'A representative'} invited ${b.rep_id === ctx.me ? 'you' : b.name || 'a colleague'}`;
    case 'transferred':
      return `${name} transferred the session to ${target(b.to, ctx)}`;
    case 'state_changed':
      if (b.to === 'queued') return `${ctx.customerName()} is waiting in the queue`;
      if (b.to === 'ended') return `Session ended${b.reason ? ` (${END_REASONS[b.reason] || b.reason})` : ''}`;
      return null;
    case 'elevation_requested':
      return `${name} asked the customer to start the full client`;
    case 'elevation_accepted':
      return `${ctx.customerName()} accepted to start the full client`;
    case 'elevation_declined':
      return `${ctx.customerName()} declined to start the full client`;
    case 'client_joined':
      return `${ctx.customerName()} started the full client (${b.version || 'unknown version'}, ${osName(String(b.os ?? ''))})`;
    // Each capability's steps, named; the shell's own bytes are in its terminal (terminal.js).
    case 'capability_requested':
      if (b.capability === 'file_transfer') return `${name} asked to exchange files`;
      return b.capability === 'shell' ? `${name} asked for a command shell` : `${name} asked for the system information`;
    case 'capability_allowed':
      if (b.capability === 'file_transfer') return `${ctx.customerName()} allowed file transfer`;
      return b.capability === 'shell' ? `${ctx.customerName()} allowed the command shell` : `${ctx.customerName()} allowed sharing the system information`;
    case 'capability_denied':
      if (b.capability === 'file_transfer') return `${ctx.customerName()} declined file transfer`;
      return b.capability === 'shell' ? `${ctx.customerName()} declined the command shell` : `${ctx.customerName()} declined to share the system information`;
    case 'capability_revoked':
      if (b.capability === 'file_transfer') return `${ctx.customerName()} stopped file transfer`;
      return b.capability === 'shell' ? `${ctx.customerName()} stopped the command shell` : `${ctx.customerName()} revoked sharing the system information`;
    case 'file_offered':
      return b.direction === 'to_customer'
        ? `${name} offered the file ${b.file_name || 'file'} to the customer`
        : `${ctx.customerName()} sends the file ${b.file_name || 'file'} (shown beside the conversation)`;
    case 'file_accepted':
      return `${ctx.customerName()} accepted a file`;
    case 'file_declined':
      return `${ctx.customerName()} declined a file`;
    case 'file_requested':
      return `${name} asked the customer to send a file`;
    case 'file_completed':
      return 'A file transfer completed; its checksum matched';
    case 'file_failed':
      return `A file transfer stopped (${String(b.reason ?? 'failed')})`;
    case 'shell_ended':
      return 'The command shell ended';
    case 'system_info':
      return `${ctx.customerName()} shared the system information (shown beside the conversation)`;
    default:
      return null;
  }
}

/**
 * @param {number} at
 */
function stamp(at) {
  return h('time', { datetime: new Date(at).toISOString() }, timeOf(at));
}

/**
 * The line for an event, or null when it is not shown.
 * @param {SessionEvent} e
 * @param {TranscriptContext} ctx
 * @returns {HTMLElement | null}
 */
export function eventLine(e, ctx) {
  const b = e.body || {};
  const from = e.from || (e.actor ? e.actor.kind : 'system');
  if (e.kind === 'chat_message') {
    const mine = from === 'rep' && e.actor.id === ctx.me;
    const who = from === 'customer' ? ctx.customerName() : mine ? 'You' : b.name || 'Representative';
    return h('li', { class: `msg msg-${from === 'customer' ? 'customer' : mine ? 'me' : 'rep'}`, 'data-seq': e.seq },
      h('p', { class: 'msg-meta' }, h('span', { class: 'msg-who' }, who), ' ', stamp(e.at)),
      h('p', { class: 'msg-text' }, String(b.text ?? '')));
  }
  if (e.kind === 'note') {
    return h('li', { class: 'note', 'data-seq': e.seq },
      h('p', { class: 'msg-meta' }, h('span', { class: 'msg-who' }, `Internal note · ${b.name || ''}`), ' ', stamp(e.at)),
      h('p', { class: 'msg-text' }, String(b.text ?? '')));
  }
  if (e.kind === 'customer_left_message') {
    const contact = [b.name, b.contact].filter(Boolean).join(' · ');
    return h('li', { class: 'note left-message', 'data-seq': e.seq },
      h('p', { class: 'msg-meta' }, h('span', { class: 'msg-who' }, `Message left by the customer${contact ? ` (${contact})` : ''}`), ' ', stamp(e.at)),
      h('p', { class: 'msg-text' }, String(b.text ?? '')));
  }
  const text = systemText(e, ctx);
  if (!text) return null;
  const note = e.kind === 'transferred' && b.note ? h('p', { class: 'sys-note' }, `Note: ${b.note}`) : null;
  return h('li', { class: 'sys', 'data-seq': e.seq }, h('p', {}, text, ' ', stamp(e.at)), note);
}

/**
 * Inserts a line in sequence order (events normally arrive in order: this is a plain append).
 * @param {HTMLElement} log
 * @param {HTMLElement} li
 * @param {number} seq
 */
export function insertLine(log, li, seq) {
  let before = /** @type {Element | null} */ (null);
  for (let el = log.lastElementChild; el; el = el.previousElementSibling) {
    const s = Number(/** @type {HTMLElement} */ (el).dataset.seq || 0);
    if (!s || s < seq) break;
    before = el;
  }
  log.insertBefore(li, before);
}
