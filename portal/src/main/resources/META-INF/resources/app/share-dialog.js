// The share dialog: a task pre-filled from an improvement action, checked here and by the API, then sent; the dialog
// then follows the share until ServiceNow gives it a number, or reports why it failed.
import * as api from './api.js';
import { h, clear, htmlToText, isoDateInDays, notice, announce, uid } from './dom.js';
import { openModal } from './modal.js';
import { failureGuidance } from './guidance.js';

const NAME_MAX = 160;
const DESCRIPTION_MAX = 4000;
const DEFAULT_DUE_DAYS = 30;
const POLL_LIMIT_MS = 120000;

/** Which form field shows an API field error; anything else is shown above the form. */
const FIELD_OF = {
  taskName: 'name', description: 'description', priority: 'priority', dueDate: 'dueDate', ticketType: 'ticketType',
};

export function openShareDialog(action, { type, connected = true } = {}) {
  const modal = openModal({ title: 'Share to ServiceNow', description: action.title, size: 'large', onClose: () => { closed = true; } });
  let closed = false;
  const values = {
    ticketType: type ?? 'CHANGE_REQUEST',
    name: action.title,
    description: htmlToText(action.remediationHtml),
    priority: 'MODERATE',
    dueDate: isoDateInDays(DEFAULT_DUE_DAYS),
  };
  let idempotencyKey = newKey();
  showForm();

  function showForm(formError) {
    clear(modal.body);
    const ids = { name: uid('name'), description: uid('description'), priority: uid('priority'), dueDate: uid('due') };
    const typeGroup = h('fieldset', { class: 'field', 'data-field': 'ticketType' },
      h('legend', null, 'Ticket type', requiredMark()),
      h('div', { class: 'segmented' }, api.TICKET_TYPES.map((t) => {
        const id = uid('type');
        return h('span', { class: 'segment' },
          h('input', { type: 'radio', name: 'ticketType', id, value: t.value, checked: values.ticketType === t.value }),
          h('label', { for: id }, t.label));
      })),
      errorSlot('ticketType'));
    const name = h('input', { id: ids.name, name: 'name', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off', value: values.name });
    const description = h('textarea', { id: ids.description, name: 'description', rows: '8', required: true, 'aria-required': 'true' });
    description.value = values.description;
    const priority = h('select', { id: ids.priority, name: 'priority', required: true, 'aria-required': 'true' },
      api.PRIORITIES.map((p) => h('option', { value: p.value, selected: p.value === values.priority }, p.label)));
    const dueDate = h('input', { id: ids.dueDate, name: 'dueDate', type: 'date', required: true, 'aria-required': 'true', min: isoDateInDays(0), value: values.dueDate });
    const counter = h('span', { class: 'counter', 'aria-live': 'polite' });
    const updateCounter = () => { counter.textContent = `${name.value.length} / ${NAME_MAX}`; };
    name.addEventListener('input', updateCounter);
    updateCounter();

    const send = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Send to ServiceNow');
    const cancel = h('button', { type: 'button', class: 'btn', onclick: () => modal.close() }, 'Cancel');
    const form = h('form', { class: 'share-form', novalidate: true },
      formError ?? null,
      connected ? null : notice('warning', 'ServiceNow is not connected: the ticket will wait until the connection is authorized. ', h('a', { href: '#/setup' }, 'Open setup')),
      h('p', { class: 'form-hint' }, 'Fields marked ', requiredMark(), ' are required.'),
      typeGroup,
      textField('Name', name, 'name', counter),
      textField('Description', description, 'description', h('span', { class: 'field-hint' }, 'Sent to ServiceNow as plain text.')),
      h('div', { class: 'field-row' },
        textField('Priority', priority, 'priority'),
        textField('Due date', dueDate, 'dueDate')),
      h('dl', { class: 'facts' },
        h('dt', null, 'Category'), h('dd', null, action.category || '—'),
        h('dt', null, 'Recommended by'), h('dd', null, 'Microsoft Secure Score'),
        h('dt', null, 'Max score'), h('dd', null, String(action.maxScore))),
      h('div', { class: 'modal-actions' }, cancel, send));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      Object.assign(values, {
        ticketType: form.elements.ticketType.value, name: name.value, description: description.value,
        priority: priority.value, dueDate: dueDate.value,
      });
      const errors = validate(values);
      if (Object.keys(errors).length > 0) {
        showErrors(form, errors);
        return;
      }
      send.disabled = true;
      send.textContent = 'Sending…';
      try {
        const created = await api.createShare({
          actionId: action.id,
          ticketType: values.ticketType,
          category: action.category,
          recommendationSource: 'MICROSOFT',
          taskName: values.name.trim(),
          description: values.description.trim(),
          priority: values.priority,
          dueDate: values.dueDate,
        }, idempotencyKey);
        idempotencyKey = newKey();
        showProgress(created);
      } catch (error) {
        send.disabled = false;
        send.textContent = 'Send to ServiceNow';
        if (error instanceof api.ApiError) {
          const fieldErrors = {};
          const other = [];
          for (const [field, message] of Object.entries(error.fieldErrors)) {
            if (FIELD_OF[field]) fieldErrors[FIELD_OF[field]] = message;
            else other.push(`${field}: ${message}`);
          }
          // A refused request made no share; after a 5xx the outcome is unknown, so a retry keeps the key.
          if (error.status < 500) idempotencyKey = newKey();
          showErrors(form, fieldErrors, Object.keys(fieldErrors).length > 0 && other.length === 0 ? null
            : notice('error', h('strong', null, error.problem.title ?? 'The ticket was not sent. '), ' ', error.message, other.length ? ` (${other.join('; ')})` : ''));
        } else {
          // A network failure: the same idempotency key is kept, so sending again cannot make a second ticket.
          showErrors(form, {}, notice('error', h('strong', null, 'The ticket was not sent. '), 'The gateway could not be reached; try again.'));
        }
      }
    });
    modal.body.append(form);
    modal.focus(name);
  }

  function showProgress(created) {
    clear(modal.body);
    const status = h('div', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
    const actions = h('div', { class: 'modal-actions' });
    modal.body.append(status, actions);
    render(created);
    if (created.status === 'PENDING' || !created.status) poll(created.id);

    function render(share) {
      clear(status);
      clear(actions);
      if (share.status === 'CREATED') {
        status.append(h('div', { class: 'status-icon status-ok', 'aria-hidden': 'true' }, '✓'),
          h('h3', null, 'Ticket created in ServiceNow'),
          h('p', null, `${api.ticketTypeLabel(share.type ?? values.ticketType)} `,
            share.recordUrl
              ? h('a', { href: share.recordUrl, target: '_blank', rel: 'noopener noreferrer', class: 'ticket-number' }, share.number ?? 'record')
              : h('strong', { class: 'ticket-number' }, share.number ?? ''),
            ' was created. Its state is tracked on the home page and in All tickets.'));
        actions.append(h('a', { class: 'btn', href: `#/tickets?type=${values.ticketType}` }, 'View all tickets'),
          h('button', { type: 'button', class: 'btn btn-primary', onclick: () => modal.close() }, 'Done'));
        announce(`Ticket ${share.number ?? ''} created`);
      } else if (share.status === 'FAILED') {
        const guidance = failureGuidance(share.failureReason);
        status.append(h('div', { class: 'status-icon status-failed', 'aria-hidden': 'true' }, '!'),
          h('h3', null, guidance.title),
          share.failureMessage ? h('p', null, 'ServiceNow said: ', h('q', { class: 'failure-message' }, share.failureMessage)) : null,
          h('p', { class: 'guidance' }, guidance.todo));
        actions.append(h('a', { class: 'btn', href: '#/setup' }, 'Open ServiceNow setup'),
          h('button', { type: 'button', class: 'btn btn-primary', onclick: () => showForm() }, 'Edit and send again'));
        announce(guidance.title);
      } else {
        status.append(h('div', { class: 'spinner', 'aria-hidden': 'true' }),
          h('h3', null, 'Sending to ServiceNow…'),
          h('p', null, 'The ticket is queued. Its number appears here as soon as ServiceNow creates it; you may close this dialog meanwhile.'));
        actions.append(h('button', { type: 'button', class: 'btn', onclick: () => modal.close() }, 'Close'));
      }
      actions.querySelector('.btn-primary, .btn')?.focus();
    }

    async function poll(id) {
      const started = Date.now();
      let delay = 700;
      while (!closed) {
        await new Promise((resolve) => { window.setTimeout(resolve, delay); });
        if (closed) return;
        delay = Math.min(delay * 1.5, 5000);
        try {
          const current = await api.share(id);
          if (current.status !== 'PENDING') {
            render(current);
            return;
          }
        } catch (error) {
          if (error instanceof api.ApiError && error.status !== 404) {
            status.append(notice('warning', error.message));
            return;
          }
        }
        if (Date.now() - started > POLL_LIMIT_MS) {
          status.append(notice('info', 'ServiceNow has not answered yet. The ticket will show in All tickets when it is created.'));
          return;
        }
      }
    }
  }
}

function validate(values) {
  const errors = {};
  if (!api.ticketType(values.ticketType)) errors.ticketType = 'Choose change request or incident.';
  if (!values.name.trim()) errors.name = 'Enter a name.';
  else if (values.name.trim().length > NAME_MAX) errors.name = `Use at most ${NAME_MAX} characters (now ${values.name.trim().length}).`;
  if (!values.description.trim()) errors.description = 'Enter a description.';
  else if (values.description.trim().length > DESCRIPTION_MAX) errors.description = `Use at most ${DESCRIPTION_MAX} characters.`;
  if (!values.priority) errors.priority = 'Choose a priority.';
  if (!values.dueDate) errors.dueDate = 'Enter a due date.';
  else if (values.dueDate < isoDateInDays(0)) errors.dueDate = 'The due date cannot be in the past.';
  return errors;
}

function showErrors(form, errors, formError) {
  form.querySelectorAll('.field').forEach((field) => {
    const name = field.dataset.field;
    const slot = field.querySelector('.field-error');
    const control = field.querySelector('input, textarea, select');
    const message = errors[name];
    field.classList.toggle('has-error', Boolean(message));
    if (slot) slot.textContent = message ?? '';
    if (control && name !== 'ticketType') control.setAttribute('aria-invalid', String(Boolean(message)));
  });
  form.querySelector('.notice-error')?.remove();
  if (formError) form.prepend(formError);
  const firstInvalid = form.querySelector('.has-error input, .has-error textarea, .has-error select');
  if (firstInvalid) firstInvalid.focus();
  else if (formError) {
    formError.setAttribute('tabindex', '-1');
    formError.focus();
  }
}

function textField(label, control, name, extra) {
  const errorId = `${control.id}-error`;
  control.setAttribute('aria-describedby', errorId);
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id }, label, control.required ? requiredMark() : null),
    control,
    h('div', { class: 'field-below' }, h('span', { class: 'field-error', id: errorId }), extra ?? null));
}

function errorSlot() {
  return h('div', { class: 'field-below' }, h('span', { class: 'field-error' }));
}

function requiredMark() {
  return h('span', { class: 'required', title: 'required' }, h('span', { 'aria-hidden': 'true' }, ' *'), h('span', { class: 'visually-hidden' }, ' (required)'));
}

function newKey() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
