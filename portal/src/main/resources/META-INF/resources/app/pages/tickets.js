// All tickets: every share of the tenant, newest first, with filters and keyset "load more". Shares still waiting for
// ServiceNow and shares that failed are listed too, with the reason.
import * as api from '../api.js';
import { h, clear, formatDate, formatDateTime, notice, announce } from '../dom.js';
import { failureGuidance } from '../guidance.js';

export async function renderTickets(container, { params, isCurrent }) {
  const summary = await api.ticketSummary().catch(() => ({ types: {} }));

  const status = h('select', { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'Any'),
    [['CREATED', 'Created'], ['PENDING', 'Waiting for ServiceNow'], ['FAILED', 'Failed']]
      .map(([value, label]) => h('option', { value, selected: params.get('status') === value }, label)));
  const type = h('select', { id: 'filter-type', name: 'type' },
    h('option', { value: '' }, 'All types'),
    api.TICKET_TYPES.map((t) => h('option', { value: t.value, selected: params.get('type') === t.value }, t.label)));
  const state = h('select', { id: 'filter-state', name: 'state' });
  const text = h('input', { id: 'filter-text', name: 'q', type: 'search', placeholder: 'Number or name', autocomplete: 'off', value: params.get('q') ?? '' });
  const overdue = h('input', { id: 'filter-overdue', name: 'overdue', type: 'checkbox', checked: params.get('overdue') === 'true' });
  const count = h('p', { class: 'result-count', 'aria-live': 'polite' });
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, 'Load more');
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, 'Tickets shared to ServiceNow'),
    h('thead', null, h('tr', null, ['Type', 'Number', 'Name', 'State', 'Priority', 'Due date', 'Shared by', 'Last update']
      .map((label) => h('th', { scope: 'col' }, label)))),
    body);

  const fillStates = () => {
    const current = state.value || params.get('state') || '';
    clear(state).append(h('option', { value: '' }, 'All states'));
    for (const label of stateLabels(summary.types, type.value)) {
      state.append(h('option', { value: label, selected: label === current }, label));
    }
  };
  fillStates();

  container.append(
    h('h1', null, 'All tickets'),
    h('p', { class: 'page-intro' }, 'Change requests and incidents created from improvement actions, with their state in ServiceNow.'),
    h('form', { class: 'toolbar', role: 'search', 'aria-label': 'Filter tickets', onsubmit: (e) => { e.preventDefault(); reload(); } },
      inline('Type', type), inline('Share status', status), inline('State', state), inline('Search', text),
      h('div', { class: 'field field-check' }, overdue, h('label', { for: overdue.id }, 'Overdue only'))),
    count,
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Tickets', tabindex: '0' }, table),
    h('div', { class: 'list-footer' }, more));

  let cursor = null;
  let shown = 0;
  let generation = 0;

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    if (reset) { cursor = null; shown = 0; }
    more.disabled = true;
    table.setAttribute('aria-busy', 'true');
    const result = await api.tickets({ type: type.value, status: status.value, state: state.value, text: text.value.trim(), overdue: overdue.checked, cursor });
    if (mine !== generation || !isCurrent()) return;
    if (reset) clear(body);
    table.removeAttribute('aria-busy');
    result.items.forEach((ticket) => body.append(row(ticket)));
    shown += result.items.length;
    cursor = result.next;
    more.hidden = !cursor;
    more.disabled = false;
    if (shown === 0) body.append(h('tr', null, h('td', { colspan: '8', class: 'empty' }, 'No tickets match these filters.')));
    count.textContent = shown === 0 ? 'No tickets' : `Showing ${shown} ticket${shown === 1 ? '' : 's'}${cursor ? ' (more available)' : ''}`;
    if (reset) announce(count.textContent);
  }

  function reload() {
    load(true).catch((error) => { clear(body).append(h('tr', null, h('td', { colspan: '8' }, notice('error', error.message)))); });
  }

  type.addEventListener('change', () => { fillStates(); reload(); });
  state.addEventListener('change', reload);
  status.addEventListener('change', reload);
  overdue.addEventListener('change', reload);
  text.addEventListener('input', debounce(reload, 300));
  more.addEventListener('click', () => load(false).catch((error) => count.replaceChildren(notice('error', error.message))));
  await load(true);
}

function row(ticket) {
  return h('tr', { class: `ticket-row row-${ticket.status.toLowerCase()}`, 'data-share-id': ticket.id },
    h('td', { class: 'nowrap' }, api.ticketTypeLabel(ticket.type)),
    h('td', { class: 'nowrap' }, numberCell(ticket)),
    h('td', { class: 'name-cell' }, h('span', { class: 'ticket-name' }, ticket.name), failureNote(ticket)),
    h('td', null, stateCell(ticket)),
    h('td', { class: 'nowrap' }, ticket.priority ? api.priorityLabel(ticket.priority).replace(/^\d – /, '') : '—'),
    h('td', { class: 'nowrap' }, formatDate(ticket.dueDate), ticket.overdue ? h('span', { class: 'badge badge-alert' }, 'Overdue') : null),
    h('td', { class: 'shared-by', title: ticket.sharedBy || null }, ticket.sharedBy || '—'),
    h('td', { class: 'nowrap' }, formatDateTime(ticket.updatedAt)));
}

function numberCell(ticket) {
  if (ticket.number && ticket.recordUrl) {
    return h('a', { href: ticket.recordUrl, target: '_blank', rel: 'noopener noreferrer' }, ticket.number,
      h('span', { class: 'visually-hidden' }, ' (opens ServiceNow in a new tab)'));
  }
  if (ticket.number) return ticket.number;
  return h('span', { class: 'muted' }, '—');
}

function stateCell(ticket) {
  if (ticket.status === 'PENDING') return h('span', { class: 'badge badge-pending' }, 'Waiting for ServiceNow');
  if (ticket.status === 'FAILED') return h('span', { class: 'badge badge-failed' }, 'Failed');
  return h('span', { class: `badge ${ticket.closed ? 'badge-closed' : 'badge-open'}` }, ticket.stateLabel ?? ticket.stateCode ?? '—');
}

function failureNote(ticket) {
  if (ticket.status !== 'FAILED') return null;
  const guidance = failureGuidance(ticket.failureReason);
  return h('span', { class: 'failure-note' },
    h('strong', null, guidance.title), ticket.failureMessage ? `: ${ticket.failureMessage}` : '',
    h('span', { class: 'failure-todo' }, guidance.todo));
}

/** State filter options: the tenant's state labels of the chosen type, or of both (the API filters by label). */
function stateLabels(types, type) {
  const chosen = type ? [types[type]] : Object.values(types);
  const labels = new Set();
  chosen.filter(Boolean).forEach((summary) => summary.states.forEach((s) => { if (s.label) labels.add(s.label); }));
  return [...labels];
}

function inline(label, control) {
  return h('div', { class: 'field field-inline' }, h('label', { for: control.id }, label), control);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), ms);
  };
}
