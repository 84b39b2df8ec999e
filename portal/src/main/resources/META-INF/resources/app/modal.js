// An accessible modal dialog on the native <dialog> element: labelled by its title, Tab and Shift+Tab stay inside,
// Escape closes it, and focus returns to the element that opened it.
import { h, uid } from './dom.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), '
  + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function openModal({ title, description, size = 'medium', onClose }) {
  const opener = document.activeElement;
  const titleId = uid('dialog-title');
  const descId = description ? uid('dialog-desc') : null;
  const body = h('div', { class: 'modal-body' });
  const closeButton = h('button', { type: 'button', class: 'icon-button modal-close', 'aria-label': 'Close' }, '✕');
  const dialog = h('dialog', { class: `modal modal-${size}`, 'aria-labelledby': titleId, 'aria-describedby': descId },
    h('div', { class: 'modal-header' },
      h('h2', { id: titleId, class: 'modal-title' }, title),
      closeButton),
    description ? h('p', { id: descId, class: 'modal-description' }, description) : null,
    body);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    dialog.removeEventListener('keydown', trap);
    if (dialog.open) dialog.close();
    dialog.remove();
    onClose?.();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };

  const trap = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      first.focus();
    }
  };

  closeButton.addEventListener('click', close);
  dialog.addEventListener('keydown', trap);
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(); });
  document.body.append(dialog);
  dialog.showModal();

  return {
    dialog,
    body,
    close,
    /** Moves focus to the first focusable element of the body (or a given element). */
    focus(target) {
      const el = target ?? body.querySelector(FOCUSABLE) ?? closeButton;
      el.focus();
    },
  };
}

/** A yes/no confirmation; resolves true when the user confirms. */
export function confirmDialog({ title, message, confirmLabel, danger = false }) {
  return new Promise((resolve) => {
    let answer = false;
    const modal = openModal({ title, size: 'small', onClose: () => resolve(answer) });
    const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
    const confirm = h('button', { type: 'button', class: danger ? 'btn btn-danger' : 'btn btn-primary' }, confirmLabel);
    cancel.addEventListener('click', () => modal.close());
    confirm.addEventListener('click', () => { answer = true; modal.close(); });
    modal.body.append(h('p', null, message), h('div', { class: 'modal-actions' }, cancel, confirm));
    modal.focus(cancel);
  });
}
