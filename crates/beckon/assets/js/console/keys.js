// Session keys: generate one (lifetime, start type, optional external key and custom fields),
// show the key, its start URL and the invitation text with Copy buttons, list the live keys
// and revoke them.

import { del, get, post } from './api.js';
import { announce, byId, h, notice, replace } from './dom.js';
import { dateTimeOf, fieldName, labels, startTypeLabel } from './format.js';

/**
 * Copies text to the clipboard; where that is refused, selects the text so that the
 * representative can press Ctrl+C.
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 * @param {HTMLElement} status
 */
export async function copyField(field, status) {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    status.textContent = 'Copied to the clipboard.';
  } catch {
    field.focus();
    field.select();
    status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}

export class KeysView {
  constructor() {
    this.form = /** @type {HTMLFormElement} */ (byId('key-form'));
    this.error = byId('key-error');
    this.result = byId('key-result');
    this.copyStatus = byId('copy-status');
    this.table = byId('keys-body');
    this.empty = byId('keys-empty');
    this.form.addEventListener('submit', (ev) => { ev.preventDefault(); this.generate(); });
    this.result.querySelectorAll('button[data-copy]').forEach((b) => {
      b.addEventListener('click', () => {
        const field = /** @type {HTMLInputElement} */ (byId(/** @type {string} */ (/** @type {HTMLElement} */ (b).dataset.copy)));
        copyField(field, this.copyStatus);
      });
    });
    byId('keys-refresh').addEventListener('click', () => this.refresh());
    this.renderFields();
  }

  /** One input per custom field shown to representatives. */
  renderFields() {
    const box = byId('key-fields');
    box.hidden = labels.custom_fields.length === 0;
    replace(box, h('legend', {}, 'Custom fields (optional)'), labels.custom_fields.map((f) => {
      const id = `key-field-${f.code_name}`;
      return h('div', { class: 'form-row' },
        h('label', { for: id }, f.display_name),
        h('input', { id, 'data-code': f.code_name, maxlength: '1024', autocomplete: 'off' }));
    }));
  }

  async generate() {
    const submit = /** @type {HTMLButtonElement} */ (this.form.querySelector('button[type=submit]'));
    /** @type {Record<string, string>} */
    const attributes = {};
    this.form.querySelectorAll('input[data-code]').forEach((el) => {
      const input = /** @type {HTMLInputElement} */ (el);
      if (input.value.trim()) attributes[/** @type {string} */ (input.dataset.code)] = input.value.trim();
    });
    const body = {
      ttl_secs: Number(/** @type {HTMLSelectElement} */ (byId('key-ttl')).value),
      start_type: /** @type {HTMLInputElement} */ (this.form.querySelector('input[name=key-start-type]:checked')).value,
      external_key: /** @type {HTMLInputElement} */ (byId('key-external')).value.trim(),
      attributes,
    };
    submit.disabled = true;
    this.error.hidden = true;
    try {
      const key = await post('/api/rep/session-keys', body);
      /** @type {HTMLInputElement} */ (byId('key-value')).value = key.short_key;
      /** @type {HTMLInputElement} */ (byId('key-url')).value = key.key_url;
      /** @type {HTMLTextAreaElement} */ (byId('key-mail')).value = key.mail_body;
      byId('key-expires').textContent = `Valid until ${dateTimeOf(key.expires_at)} · ${startTypeLabel(key.start_type)}`;
      this.copyStatus.textContent = '';
      this.result.hidden = false;
      byId('key-result-heading').focus();
      announce(`New session key ${key.short_key.split('').join(' ')}`);
      this.refresh();
    } catch (e) {
      this.error.textContent = `Could not generate a key: ${/** @type {Error} */ (e).message}`;
      this.error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  }

  async refresh() {
    let keys;
    try {
      keys = (await get('/api/rep/session-keys')).keys || [];
    } catch (e) {
      this.empty.textContent = `Could not load the keys: ${/** @type {Error} */ (e).message}`;
      this.empty.hidden = false;
      return;
    }
    this.empty.textContent = 'No live keys.';
    this.empty.hidden = keys.length > 0;
    const focused = this.table.contains(document.activeElement);
    replace(this.table, keys.map((/** @type {Record<string, any>} */ k) => {
      const revoke = h('button', { type: 'button', class: 'secondary small', 'aria-label': `Revoke key ${k.short_key}` }, 'Revoke');
      revoke.addEventListener('click', () => this.revoke(k.id, k.short_key));
      const extra = Object.entries(k.attributes || {}).map(([c, v]) => `${fieldName(c) || c}: ${v}`);
      return h('tr', { 'data-key': k.short_key },
        h('td', { class: 'key-digits' }, k.short_key),
        h('td', {}, startTypeLabel(k.start_type)),
        h('td', {}, dateTimeOf(k.expires_at)),
        h('td', {}, [k.external_key, ...extra].filter(Boolean).join(' · ') || '—'),
        h('td', {}, revoke));
    }));
    if (focused) byId('keys-refresh').focus();
  }

  /**
   * @param {number} id
   * @param {string} digits
   */
  async revoke(id, digits) {
    try {
      await del(`/api/rep/session-keys/${id}`);
      announce(`Key ${digits} revoked`);
      if (/** @type {HTMLInputElement} */ (byId('key-value')).value === digits) this.result.hidden = true;
    } catch (e) {
      notice(`Could not revoke the key: ${/** @type {Error} */ (e).message}`);
    }
    await this.refresh();
  }
}
