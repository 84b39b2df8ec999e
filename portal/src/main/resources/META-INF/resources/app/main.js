// The portal shell: who is signed in, the left navigation and the hash router (#/home, #/actions, ...).
import * as api from './api.js';
import { h, clear, notice } from './dom.js';
import { renderHome } from './pages/home.js';
import { renderActions } from './pages/actions.js';
import { renderTickets } from './pages/tickets.js';
import { renderSetup } from './pages/setup.js';

const ROUTES = {
  home: { title: 'Home', render: renderHome },
  actions: { title: 'Improvement actions', render: renderActions },
  tickets: { title: 'All tickets', render: renderTickets },
  setup: { title: 'ServiceNow setup', render: renderSetup },
};

const main = document.getElementById('main');
let session = null;
let renderToken = 0;

/** The current route: {name, params}. */
export function currentRoute() {
  const [path, query] = window.location.hash.replace(/^#\/?/, '').split('?');
  const name = ROUTES[path] ? path : 'home';
  return { name, params: new URLSearchParams(query ?? '') };
}

export function navigate(name, params) {
  const query = params ? new URLSearchParams(params).toString() : '';
  window.location.hash = `#/${name}${query ? `?${query}` : ''}`;
}

async function render() {
  const token = ++renderToken;
  const route = currentRoute();
  document.title = `${ROUTES[route.name].title} — Ticketbridge`;
  for (const link of document.querySelectorAll('.sidenav a')) {
    if (link.dataset.route === route.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  closeNav();
  const container = h('div', { class: 'page', 'data-page': route.name });
  clear(main).append(container);
  try {
    await ROUTES[route.name].render(container, { session, params: route.params, navigate, isCurrent: () => token === renderToken });
  } catch (error) {
    if (token !== renderToken) return;
    showFailure(container, error);
  }
  if (token === renderToken && main.dataset.focusOnRender === 'true') {
    main.focus({ preventScroll: true });
  }
  main.dataset.focusOnRender = 'true';
}

/** Shows a failed page load: an ended session gets a sign-in link, other errors the gateway's message. */
export function showFailure(container, error) {
  clear(container);
  if (error instanceof api.ApiError && error.unauthenticated) {
    container.append(notice('warning',
      h('strong', null, 'Your session has ended. '),
      h('a', { href: window.location.pathname }, 'Sign in again')));
    return;
  }
  container.append(notice('error',
    h('strong', null, 'This page could not be loaded. '),
    error?.message ?? String(error),
    ' ',
    h('button', { type: 'button', class: 'btn btn-link', onclick: render }, 'Try again')));
}

function renderUser(me) {
  const user = document.getElementById('user');
  clear(user);
  if (!me.userId && me.administrator === null) return;
  const role = me.administrator === true ? 'Security administrator' : me.administrator === false ? 'Security reader' : '';
  user.append(
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, (me.userId || '?').slice(0, 1).toUpperCase()),
    h('span', { class: 'user-text' },
      h('span', { class: 'user-name' }, me.userId),
      role ? h('span', { class: 'user-role' }, role) : null));
}

function closeNav() {
  document.body.classList.remove('nav-open');
  document.querySelector('.nav-toggle')?.setAttribute('aria-expanded', 'false');
}

function wireNavToggle() {
  const toggle = document.querySelector('.nav-toggle');
  toggle.addEventListener('click', () => {
    const open = !document.body.classList.contains('nav-open');
    document.body.classList.toggle('nav-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('nav-open')) closeNav();
  });
}

async function start() {
  wireNavToggle();
  try {
    session = await api.me();
  } catch (error) {
    session = { userId: '', roles: [], administrator: null };
    if (error instanceof api.ApiError && error.unauthenticated) {
      showFailure(clear(main).appendChild(h('div', { class: 'page' })), error);
      return;
    }
  }
  session.canManage = session.administrator !== false;
  document.body.classList.toggle('reader', !session.canManage);
  renderUser(session);
  window.addEventListener('hashchange', render);
  main.dataset.focusOnRender = 'false';
  await render();
  document.body.dataset.ready = 'true';
}

start();
