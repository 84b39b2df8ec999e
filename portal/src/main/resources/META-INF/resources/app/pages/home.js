// Home: the ServiceNow cards. Without a connection, an invitation to connect; with one, a card per ticket type.
import * as api from '../api.js';
import { h, append, formatDateTime, notice } from '../dom.js';

const CONNECTED_LIKE = new Set(['CONNECTED', 'NEEDS_REAUTHORIZATION', 'ERROR']);

export async function renderHome(container, { session }) {
  const summary = await api.ticketSummary();
  const { connection } = summary;
  container.append(h('h1', null, 'Home'),
    h('p', { class: 'page-intro' }, 'Improvement actions you sent to ServiceNow, tracked here as they move.'));

  if (!CONNECTED_LIKE.has(connection.status)) {
    container.append(h('div', { class: 'card-grid' }, connectCard(connection, session)));
    return;
  }
  if (connection.status !== 'CONNECTED') {
    container.append(notice('warning',
      h('strong', null, 'The ServiceNow connection needs attention. '),
      connection.detail ?? 'Tickets are not being created or updated until it is authorized again.', ' ',
      h('a', { href: '#/setup' }, 'Open ServiceNow setup')));
  }
  if (summary.syncHealth) append(container, syncHealthLine(summary.syncHealth));
  container.append(h('div', { class: 'card-grid' },
    api.TICKET_TYPES.map((type) => ticketCard(type, summary.types[type.value], session))));
}

function connectCard(connection, session) {
  const pending = connection.status === 'PENDING_AUTHORIZATION';
  return h('section', { class: 'card card-connect', 'aria-labelledby': 'connect-title' },
    h('div', { class: 'card-badge', 'aria-hidden': 'true' }, 'SN'),
    h('h2', { id: 'connect-title', class: 'card-title' }, 'Do you use ServiceNow?'),
    h('p', null, pending
      ? 'Setup has started: ServiceNow still has to authorize the connection with your integration user.'
      : 'Send improvement actions to ServiceNow as change requests or incidents, and follow them here until they are done.'),
    session.canManage
      ? h('a', { class: 'btn btn-primary', href: '#/setup' }, pending ? 'Continue setup' : 'Connect to ServiceNow')
      : h('p', { class: 'muted' }, 'An administrator of your organisation can connect ServiceNow.'));
}

function ticketCard(type, summary, session) {
  const titleId = `card-${type.value.toLowerCase()}`;
  const total = summary.total;
  const max = Math.max(1, ...summary.states.map((s) => s.count));
  return h('section', { class: 'card card-tickets', 'aria-labelledby': titleId, 'data-type': type.value },
    h('h2', { id: titleId, class: 'card-title' }, type.plural),
    h('div', { class: 'card-figures' },
      figure('Tickets', total, 'figure-total'),
      figure('Overdue', summary.overdue, summary.overdue > 0 ? 'figure-alert' : ''),
      figure('Points at stake', formatPoints(summary.pointsAtStake), 'figure-points')),
    summary.states.length === 0
      ? h('p', { class: 'muted' }, 'No tickets yet.')
      : h('ul', { class: 'state-bars', 'aria-label': `${type.plural} by state` },
        summary.states.map((state) => h('li', { class: 'state-bar' },
          h('span', { class: 'state-name' }, state.label || state.codes.join(', ')),
          h('span', { class: 'bar', 'aria-hidden': 'true' },
            h('span', { class: 'bar-fill', style: { width: `${Math.round((state.count / max) * 100)}%` } })),
          h('span', { class: 'state-count' }, String(state.count))))),
    (summary.pending > 0 || summary.failed > 0)
      ? h('p', { class: 'card-note' },
        summary.pending > 0 ? `${summary.pending} waiting for ServiceNow` : null,
        summary.pending > 0 && summary.failed > 0 ? ' · ' : null,
        summary.failed > 0 ? h('a', { href: `#/tickets?type=${type.value}&status=FAILED` }, `${summary.failed} failed`) : null)
      : null,
    h('div', { class: 'card-actions' },
      session.canManage ? h('a', { class: 'btn btn-primary', href: `#/actions?create=${type.value}` }, 'Create ticket') : null,
      h('a', { class: 'btn', href: `#/tickets?type=${type.value}` }, 'View all tickets'),
      h('a', { class: 'btn btn-link', href: '#/setup' }, 'Manage ServiceNow configuration')));
}

function figure(label, value, extra) {
  return h('div', { class: `figure ${extra}` },
    h('span', { class: 'figure-value' }, String(value)),
    h('span', { class: 'figure-label' }, label));
}

function formatPoints(points) {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

function syncHealthLine(health) {
  const parts = [];
  if (health.lastSyncAt) parts.push(`Last sync ${formatDateTime(health.lastSyncAt)}`);
  if (health.lagSeconds != null) parts.push(`lag ${health.lagSeconds} s`);
  if (health.tokenStatus) parts.push(`token ${String(health.tokenStatus).toLowerCase()}`);
  if (parts.length === 0) return null;
  return h('p', { class: 'sync-health' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), parts.join(' · '));
}
