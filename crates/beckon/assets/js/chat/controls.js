// The page's own dialogs (no window.confirm): ending the chat and leaving a message, and the
// panel that replaces the composer once the session has ended.

import { t } from './i18n.js';
import { $, setText } from './ui.js';

/** The "End chat" button and its confirmation; `onEnd` runs when the customer confirms. */
export function wireEndDialog(onEnd) {
  const button = $('chat-end');
  const dialog = /** @type {HTMLDialogElement} */ ($('chat-end-dialog'));
  button.addEventListener('click', () => {
    if (!dialog.open) dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'end') {
      button.disabled = true;
      onEnd();
    } else if (!button.hidden) {
      button.focus();
    }
    dialog.returnValue = '';
  });
}

/**
 * The leave-a-message form. `onSend({name, contact, text})` returns true when the message
 * went out (or will when the connection returns); `done()` closes it after the server
 * stored it; `refused(text)` shows why it was not.
 */
export function wireLeaveDialog(onSend) {
  const opener = $('chat-leave-open');
  const dialog = /** @type {HTMLDialogElement} */ ($('chat-leave-dialog'));
  const form = /** @type {HTMLFormElement} */ ($('chat-leave-form'));
  const text = /** @type {HTMLTextAreaElement} */ ($('leave-text'));
  const send = /** @type {HTMLButtonElement} */ ($('chat-leave-send'));
  const status = $('chat-leave-notice');
  opener.addEventListener('click', () => {
    setText(status, '');
    send.disabled = false;
    dialog.showModal();
  });
  $('chat-leave-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    if (!opener.closest('[hidden]')) opener.focus();
  });
  text.addEventListener('input', () => text.removeAttribute('aria-invalid'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = text.value.trim();
    if (!value) {
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    const msg = {
      name: /** @type {HTMLInputElement} */ ($('leave-name')).value.trim(),
      contact: /** @type {HTMLInputElement} */ ($('leave-contact')).value.trim(),
      text: value,
    };
    send.disabled = true;
    setText(status, onSend(msg) ? t('bg-chat-pending') : t('bg-chat-offline'));
  });
  return {
    done() {
      form.reset();
      send.disabled = false;
      setText(status, '');
      if (dialog.open) dialog.close();
    },
    refused(why) {
      send.disabled = false;
      setText(status, why);
    },
  };
}

/** Shows the ended panel in place of the composer; focus follows if it was in what went. */
export function showEnded() {
  const panel = $('chat-ended');
  const focusWasLost = !document.activeElement || document.activeElement === document.body
    || !!document.activeElement.closest('#chat-form, .chat-head, dialog');
  for (const d of document.querySelectorAll('dialog[open]')) /** @type {HTMLDialogElement} */ (d).close();
  const input = /** @type {HTMLTextAreaElement} */ ($('chat-input'));
  input.disabled = true;
  /** @type {HTMLButtonElement} */ ($('chat-send')).disabled = true;
  $('chat-form').hidden = true;
  $('chat-end').hidden = true;
  $('chat-offer').hidden = true;
  panel.hidden = false;
  document.querySelector('main.chat')?.classList.add('is-ended');
  if (focusWasLost) panel.focus();
}
