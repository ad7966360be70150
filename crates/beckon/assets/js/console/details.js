// The side panel: everything the customer and their page sent, and how the session started.
// All values are text.

import { h, replace } from './dom.js';
import { dateTimeOf, fieldName, issueLabel, languageLabel, queueLabel, startMethodLabel, startTypeLabel } from './format.js';

/**
 * @param {string} label
 * @param {string | null | undefined} value
 * @param {string} key a stable name for the row (tests and styling)
 */
function row(label, value, key) {
  const empty = value === null || value === undefined || value === '';
  return h('div', { class: 'field', 'data-field': key },
    h('dt', {}, label),
    h('dd', { class: empty ? 'empty' : null }, empty ? '—' : String(value)));
}

/**
 * Fills a details container for a session view.
 * @param {HTMLElement} el
 * @param {Record<string, any>} s
 * @param {number} me
 */
export function renderDetails(el, s, me) {
  const c = s.customer || {};
  const attrs = /** @type {Record<string, string>} */ (s.attributes || {});
  const custom = Object.entries(attrs)
    .map(([code, value]) => [code, fieldName(code), value])
    .filter(([, name]) => name !== null);
  const issue = s.issue_id === null || s.issue_id === undefined ? null : issueLabel(s.issue_id);
  replace(el,
    h('h3', {}, 'Customer'),
    h('dl', { class: 'fields' },
      row('Name', c.name, 'customer.name'),
      row('Company', c.company, 'customer.company'),
      row('Company code', c.company_code, 'customer.company_code'),
      row('Details', c.details, 'customer.details')),
    h('h3', {}, 'Session'),
    h('dl', { class: 'fields' },
      row('Issue', issue, 'issue'),
      row('Queue', queueLabel(s.queue || '', me), 'queue'),
      row('Start method', startMethodLabel(s.start_method), 'start_method'),
      row('Start type', startTypeLabel(s.start_type), 'start_type'),
      row('Language', languageLabel(s.locale), 'locale'),
      row('Skills', (s.skills || []).join(', '), 'skills'),
      row('External key', s.external_key, 'external_key'),
      custom.map(([code, name, value]) => row(/** @type {string} */ (name), value, `custom.${code}`))),
    h('h3', {}, 'Connection'),
    h('dl', { class: 'fields' },
      row('Page URL', s.page_url, 'page_url'),
      row('Client IP', s.client_ip, 'client_ip'),
      row('Started', dateTimeOf(s.created_at), 'created_at'),
      row('Accepted', dateTimeOf(s.accepted_at), 'accepted_at'),
      s.ended_at ? row('Ended', dateTimeOf(s.ended_at), 'ended_at') : null,
      row('Session id', s.lsid, 'lsid')));
}
