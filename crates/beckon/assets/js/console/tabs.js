// An ARIA tablist for the open sessions: one tab per session, arrow keys move between tabs
// (selection follows focus), Home/End jump, only the selected tab is in the tab order.

import { h } from './dom.js';

export class Tabs {
  /**
   * @param {HTMLElement} list the element with role=tablist
   * @param {HTMLElement} panels where panels live
   * @param {(key: string) => void} onSelect
   */
  constructor(list, panels, onSelect) {
    this.list = list;
    this.panels = panels;
    this.onSelect = onSelect;
    /** @type {Map<string, {tab: HTMLButtonElement, panel: HTMLElement}>} */
    this.entries = new Map();
    /** @type {string | null} */
    this.selected = null;
    list.addEventListener('keydown', (ev) => this.onKey(ev));
  }

  /**
   * @param {string} key
   * @param {HTMLElement} panel
   */
  add(key, panel) {
    const safe = key.replace(/[^a-zA-Z0-9_-]/g, '_');
    const tab = /** @type {HTMLButtonElement} */ (h('button', {
      type: 'button', role: 'tab', id: `tab-${safe}`, 'aria-controls': `panel-${safe}`,
      'aria-selected': 'false', tabindex: '-1', 'data-lsid': key,
    }, h('span', { class: 'tab-label' }), h('span', { class: 'tab-badge', hidden: true })));
    tab.addEventListener('click', () => this.select(key));
    panel.id = `panel-${safe}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.hidden = true;
    this.list.append(tab);
    this.panels.append(panel);
    this.entries.set(key, { tab, panel });
    if (!this.selected) this.select(key);
    return tab;
  }

  /**
   * @param {string} key
   * @param {string} label
   * @param {{ unread?: boolean, state?: string }} [extra]
   */
  setLabel(key, label, extra = {}) {
    const e = this.entries.get(key);
    if (!e) return;
    /** @type {HTMLElement} */ (e.tab.querySelector('.tab-label')).textContent = label;
    const badge = /** @type {HTMLElement} */ (e.tab.querySelector('.tab-badge'));
    const text = extra.unread ? 'New' : extra.state || '';
    badge.hidden = !text;
    badge.textContent = text;
    badge.className = `tab-badge${extra.unread ? ' unread' : ''}`;
  }

  /**
   * @param {string} key
   * @param {boolean} [focus]
   */
  select(key, focus = false) {
    const target = this.entries.get(key);
    if (!target) return;
    for (const [k, e] of this.entries) {
      const on = k === key;
      e.tab.setAttribute('aria-selected', String(on));
      e.tab.tabIndex = on ? 0 : -1;
      e.panel.hidden = !on;
    }
    this.selected = key;
    if (focus) target.tab.focus();
    this.onSelect(key);
  }

  /** @param {string} key */
  remove(key) {
    const e = this.entries.get(key);
    if (!e) return;
    const keys = [...this.entries.keys()];
    const i = keys.indexOf(key);
    e.tab.remove();
    e.panel.remove();
    this.entries.delete(key);
    if (this.selected === key) {
      this.selected = null;
      const next = keys[i + 1] ?? keys[i - 1];
      if (next !== undefined && next !== key) this.select(next, true);
    }
  }

  /** @param {KeyboardEvent} ev */
  onKey(ev) {
    const keys = [...this.entries.keys()];
    if (!keys.length || !this.selected) return;
    const i = keys.indexOf(this.selected);
    /** @type {number | null} */
    let next = null;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = (i + 1) % keys.length;
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = (i - 1 + keys.length) % keys.length;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = keys.length - 1;
    if (next === null) return;
    ev.preventDefault();
    this.select(keys[next], true);
  }

  get size() {
    return this.entries.size;
  }
}
