// Building DOM from data. Every string becomes a text node: nothing received from the server,
// a customer or a colleague is ever parsed as HTML.

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 * @typedef {Record<string, string | number | boolean | null | undefined | EventListener>} Attrs
 */

/**
 * Creates an element. Attributes named `on<event>` attach listeners; `class`, `hidden`,
 * boolean and `aria-*`/`data-*` attributes are set as such; children are text or nodes.
 * @param {string} tag
 * @param {Attrs} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {(Child | Child[])[]} children
 */
function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * Replaces an element's children.
 * @param {Element} el
 * @param {...(Child | Child[])} children
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return /** @type {T} */ (el);
}

/** Polite announcements for screen readers (new messages in background tabs, results). */
export function announce(/** @type {string} */ text) {
  const el = document.getElementById('announcer');
  if (!el) return;
  // Clearing first makes a repeated text announced again.
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

/**
 * Shows a notice (errors and outcomes) in the notice area; it stays until dismissed or
 * replaced by a newer one after a while.
 * @param {string} text
 * @param {'error' | 'info'} [kind]
 */
export function notice(text, kind = 'error') {
  const area = document.getElementById('notices');
  if (!area) return;
  const item = h('div', { class: `notice notice-${kind}` },
    h('span', {}, text),
    h('button', { type: 'button', class: 'link-button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'));
  area.append(item);
  while (area.children.length > 3) area.firstElementChild?.remove();
  setTimeout(() => item.remove(), 12_000);
}
