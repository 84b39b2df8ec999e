// ServiceNow setup and provisioning: where the connection stands, connect or re-provision it, authorize it with the
// integration user, check it item by item, rename ticket states, remove it.
import * as api from '../api.js';
import { h, clear, notice, announce, formatDateTime, safeHref, uid } from '../dom.js';
import { confirmDialog } from '../modal.js';

const STATUS = {
  NOT_CONNECTED: { label: 'Not connected', tone: 'neutral', text: 'No ServiceNow instance is connected.' },
  REMOVED: { label: 'Not connected', tone: 'neutral', text: 'The connection was removed.' },
  PENDING_AUTHORIZATION: { label: 'Waiting for authorization', tone: 'warning', text: 'The instance and OAuth client are saved. Select Authorize and allow access as the integration user.' },
  CONNECTED: { label: 'Connected', tone: 'ok', text: 'Improvement actions can be shared and tickets are kept up to date.' },
  NEEDS_REAUTHORIZATION: { label: 'Needs authorization again', tone: 'alert', text: 'ServiceNow no longer accepts the authorization. Select Authorize and sign in as the integration user again.' },
  ERROR: { label: 'Error', tone: 'alert', text: 'The connection is failing. Run the connection check below for what to do.' },
};

const TABLES = [
  { table: 'change_request', label: 'Change request states' },
  { table: 'incident', label: 'Incident states' },
];

export async function renderSetup(container, { session, params }) {
  const connection = await api.connection();
  const info = STATUS[connection.status] ?? STATUS.ERROR;
  const exists = !['NOT_CONNECTED', 'REMOVED'].includes(connection.status);

  container.append(h('h1', null, 'ServiceNow setup'),
    h('p', { class: 'page-intro' }, 'Connect your ServiceNow instance, authorize it with the integration user and tailor how ticket states are named.'));
  if (params.get('authorized') === 'true') container.append(notice('success', 'ServiceNow authorized the connection.'));
  if (params.get('error')) container.append(notice('error', h('strong', null, 'Authorization did not complete. '), params.get('error')));
  if (!session.canManage) container.append(notice('info', 'You have read access: an administrator can change the connection.'));

  const checkResults = h('div', { class: 'check-results', 'aria-live': 'polite' });
  container.append(h('div', { class: 'setup-grid' },
    statusCard(connection, info, exists, session, checkResults),
    session.canManage ? connectCard(connection, exists) : null));

  if (exists) {
    const names = await api.stateNames();
    if (names) container.append(stateNamesCard(names, session));
  }
  container.append(troubleshooting());
}

function statusCard(connection, info, exists, session, checkResults) {
  const authorize = h('button', { type: 'button', class: 'btn btn-primary' }, connection.status === 'CONNECTED' ? 'Authorize again' : 'Authorize');
  authorize.addEventListener('click', async () => {
    authorize.disabled = true;
    try {
      const url = await api.authorizeUrl();
      window.location.assign(safeHref(url));
    } catch (error) {
      authorize.disabled = false;
      checkResults.replaceChildren(notice('error', h('strong', null, 'Authorization could not start. '), error.message));
    }
  });
  const check = h('button', { type: 'button', class: 'btn' }, 'Check connection');
  check.addEventListener('click', async () => {
    check.disabled = true;
    checkResults.replaceChildren(h('p', { class: 'muted' }, 'Checking the connection…'));
    try {
      showCheck(checkResults, await api.checkConnection());
    } catch (error) {
      checkResults.replaceChildren(notice('error', error.message));
    } finally {
      check.disabled = false;
    }
  });
  const remove = h('button', { type: 'button', class: 'btn btn-danger' }, 'Remove connection');
  remove.addEventListener('click', async () => {
    const confirmed = await confirmDialog({
      title: 'Remove the ServiceNow connection?',
      message: 'Ticketbridge revokes its tokens at ServiceNow and deletes the client secret. Existing tickets stay in '
        + 'ServiceNow but are no longer updated here, and nothing can be shared until you connect again.',
      confirmLabel: 'Remove connection',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await api.removeConnection();
      announce('The connection was removed');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      checkResults.replaceChildren(notice('error', h('strong', null, 'The connection was not removed. '), error.message));
    }
  });

  const canAuthorize = session.canManage && ['PENDING_AUTHORIZATION', 'NEEDS_REAUTHORIZATION', 'CONNECTED', 'ERROR'].includes(connection.status);
  return h('section', { class: 'card', 'aria-labelledby': 'status-title' },
    h('h2', { id: 'status-title', class: 'card-title' }, 'Connection status'),
    h('p', null, h('span', { class: `status-pill tone-${info.tone}`, 'data-status': connection.status }, info.label)),
    h('p', null, connection.detail ?? info.text),
    exists ? h('dl', { class: 'facts' },
      h('dt', null, 'Instance'), h('dd', null, connection.instanceUrl ?? '—'),
      connection.authorizedBy ? [h('dt', null, 'Authorized by'), h('dd', null, connection.authorizedBy)] : null,
      connection.updatedAt ? [h('dt', null, 'Last change'), h('dd', null, formatDateTime(connection.updatedAt))] : null) : null,
    canAuthorize ? notice('info', h('strong', null, 'Sign in as the integration user. '),
      'Authorize sends you to ServiceNow. If ServiceNow shows you signed in with your own account, select "Not you?" '
      + 'and sign in as the integration user before you select Allow — never with your personal credentials.') : null,
    h('div', { class: 'card-actions' },
      canAuthorize ? authorize : null,
      exists ? check : null,
      exists && session.canManage ? remove : null),
    checkResults);
}

function showCheck(target, result) {
  clear(target).append(
    h('h3', null, result.ok ? 'Every check passed' : 'Some checks failed'),
    h('ul', { class: 'check-list' }, result.items.map((item) => h('li', { class: item.ok ? 'check-ok' : 'check-failed' },
      h('span', { class: 'check-icon', 'aria-hidden': 'true' }, item.ok ? '✓' : '✕'),
      h('div', null,
        h('span', { class: 'check-name' }, item.name),
        h('span', { class: 'visually-hidden' }, item.ok ? ' passed' : ' failed'),
        item.message ? h('p', { class: 'check-message' }, item.message) : null,
        !item.ok && item.guidance ? h('p', { class: 'check-guidance' }, h('strong', null, 'What to do: '), item.guidance) : null)))));
  announce(result.ok ? 'Every check passed' : 'Some checks failed');
}

function connectCard(connection, exists) {
  const instance = h('input', { id: 'sn-instance', name: 'instance', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off', spellcheck: 'false', placeholder: 'contoso or https://contoso.service-now.com', value: exists ? (connection.instanceUrl ?? '') : '' });
  const clientId = h('input', { id: 'sn-client-id', name: 'clientId', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off', spellcheck: 'false' });
  const clientSecret = h('input', { id: 'sn-client-secret', name: 'clientSecret', type: 'password', required: true, 'aria-required': 'true', autocomplete: 'new-password' });
  const formError = h('div');
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, exists ? 'Save and authorize again' : 'Save and continue');
  const fields = { instance, clientId, clientSecret };

  const form = h('form', { class: 'connect-form', novalidate: true, 'aria-labelledby': 'connect-title' },
    formError,
    field('ServiceNow instance', instance, 'Instance name or its https address.'),
    field('Client ID', clientId, 'From the OAuth endpoint in the Application Registry.'),
    field('Client secret', clientSecret, 'Stored encrypted; it is never shown again.'),
    h('div', { class: 'card-actions' }, save));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = { instance: instance.value.trim(), clientId: clientId.value.trim(), clientSecret: clientSecret.value };
    const errors = {};
    if (!values.instance) errors.instance = 'Enter the instance name or address.';
    if (!values.clientId) errors.clientId = 'Enter the client ID.';
    if (!values.clientSecret) errors.clientSecret = 'Enter the client secret.';
    if (showFieldErrors(form, fields, errors)) return;
    save.disabled = true;
    try {
      await api.setUpConnection(values);
      clientSecret.value = '';
      announce('Saved. Now authorize the connection.');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      save.disabled = false;
      const fieldErrors = error instanceof api.ApiError ? error.fieldErrors : {};
      const shown = showFieldErrors(form, fields, fieldErrors);
      formError.replaceChildren(shown ? '' : notice('error', h('strong', null, 'The connection was not saved. '), error.message));
    }
  });

  const prerequisites = h('ul', { class: 'prereq-list' },
    h('li', null, 'A ServiceNow instance on the Kingston release or later.'),
    h('li', null, 'An OAuth API endpoint for external clients in the Application Registry (System OAuth › Application Registry); copy its client ID and client secret.'),
    h('li', null, 'An integration user (User Administration › Users) with the rights to create and read change requests and incidents. Authorize the connection as this user.'));

  const content = [
    h('h3', { class: 'subheading' }, 'Before you start'), prerequisites, form,
  ];
  return h('section', { class: 'card', 'aria-labelledby': 'connect-title' },
    h('h2', { id: 'connect-title', class: 'card-title' }, exists ? 'Re-provision the connection' : 'Connect to ServiceNow'),
    exists
      ? h('details', { class: 'reprovision' }, h('summary', null, 'Change the instance or OAuth client'), content)
      : content);
}

function stateNamesCard(names, session) {
  const inputs = [];
  const formError = h('div', { 'aria-live': 'polite' });
  const groups = TABLES.map(({ table, label }) => {
    const effective = names.effective?.[table] ?? {};
    const defaults = names.defaults?.[table] ?? {};
    const codes = Object.keys({ ...defaults, ...effective }).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
    return h('fieldset', { class: 'state-group' },
      h('legend', null, label),
      codes.length === 0 ? h('p', { class: 'muted' }, 'No states known yet.') : codes.map((code) => {
        const id = uid('state');
        const standard = defaults[code] ?? code;
        const input = h('input', {
          id, type: 'text', value: effective[code] ?? standard, maxlength: '40', required: true,
          disabled: !session.canManage, 'data-table': table, 'data-code': code, 'data-default': standard,
        });
        inputs.push(input);
        return h('div', { class: 'field field-state' },
          h('label', { for: id }, standard, h('span', { class: 'state-code' }, ` (${code})`)),
          input);
      }));
  });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save state names');
  const form = h('form', { class: 'state-form', novalidate: true }, formError, h('div', { class: 'state-groups' }, groups),
    session.canManage ? h('div', { class: 'card-actions' }, save) : null);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const renames = { change_request: {}, incident: {} };
    for (const input of inputs) {
      const value = input.value.trim();
      if (!value) {
        formError.replaceChildren(notice('error', 'Every state needs a name.'));
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      if (value !== input.dataset.default) renames[input.dataset.table][input.dataset.code] = value;
    }
    save.disabled = true;
    try {
      await api.saveStateNames(renames);
      formError.replaceChildren(notice('success', 'State names saved. Cards and lists use them from now on.'));
    } catch (error) {
      formError.replaceChildren(notice('error', h('strong', null, 'The state names were not saved. '), error.message));
    } finally {
      save.disabled = false;
    }
  });
  return h('section', { class: 'card card-wide', 'aria-labelledby': 'state-names-title' },
    h('h2', { id: 'state-names-title', class: 'card-title' }, 'Ticket state names'),
    h('p', null, 'How ServiceNow states are named on the home cards and in the ticket list. ServiceNow itself is not changed; '
      + 'leave a name as it is to keep the instance’s own label.'),
    form);
}

function troubleshooting() {
  const topics = [
    ['The OAuth step fails with a cross-scope access refusal on oauth_entity',
      'The instance restricts who may read or create Application Registry entries. Set the oauth_entity table back to its default: accessible from all application scopes, with "Can read" selected. Then run the setup again.'],
    ['ServiceNow shows my own account on the consent page',
      'Select "Not you?" at the top right of the ServiceNow page, sign in as the integration user, then select Allow. A connection authorized with a personal account stops working when that person leaves or changes role.'],
    ['My company uses single sign-on and the ServiceNow sign-in fails',
      'Open the consent page again, select "Not you?" and sign in with the integration user\'s local ServiceNow credentials, or have a user with the same name and email as the integration user complete the setup.'],
    ['ServiceNow refuses our calls because of IP filtering',
      'If IP Address Access Control is on, allow the addresses this Ticketbridge installation calls from, then run the connection check.'],
    ['The instance is hibernating or answers with a web page',
      'Developer instances sleep when unused. Wake the instance from the ServiceNow developer portal, then run the connection check.'],
    ['Setup is complete but no cards appear and sharing is unavailable',
      'Check the connection status above. If it is not Connected, select Authorize, complete the consent as the integration user and return to the home page.'],
    ['How do I check the OAuth entity and the integration user?',
      'In ServiceNow, open System OAuth › Application Registry to find the OAuth endpoint by the name you gave it, and User Administration › Users to find the integration user.'],
  ];
  return h('section', { class: 'card card-wide', 'aria-labelledby': 'trouble-title' },
    h('h2', { id: 'trouble-title', class: 'card-title' }, 'Troubleshooting'),
    topics.map(([question, answer]) => h('details', { class: 'faq' }, h('summary', null, question), h('p', null, answer))));
}

function field(label, control, hint) {
  const errorId = `${control.id}-error`;
  const hintId = `${control.id}-hint`;
  control.setAttribute('aria-describedby', `${hintId} ${errorId}`);
  return h('div', { class: 'field', 'data-field': control.name },
    h('label', { for: control.id }, label, h('span', { class: 'required' }, h('span', { 'aria-hidden': 'true' }, ' *'), h('span', { class: 'visually-hidden' }, ' (required)'))),
    control,
    h('div', { class: 'field-below' }, h('span', { class: 'field-error', id: errorId }), h('span', { class: 'field-hint', id: hintId }, hint)));
}

/** Shows field errors next to their fields; true when any was shown. */
function showFieldErrors(form, fields, errors) {
  let first = null;
  for (const [name, control] of Object.entries(fields)) {
    const message = errors[name];
    const wrapper = control.closest('.field');
    wrapper.classList.toggle('has-error', Boolean(message));
    wrapper.querySelector('.field-error').textContent = message ?? '';
    control.setAttribute('aria-invalid', String(Boolean(message)));
    if (message && !first) first = control;
  }
  first?.focus();
  return first !== null;
}
