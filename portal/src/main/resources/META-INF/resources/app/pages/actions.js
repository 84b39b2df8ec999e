// Improvement actions: the Secure Score list with search, category filter and sort; each action has a share menu.
import * as api from '../api.js';
import { h, append, clear, htmlToText, notice, announce, uid } from '../dom.js';
import { openShareDialog } from '../share-dialog.js';

export async function renderActions(container, { session, params, isCurrent }) {
  const createType = api.ticketType(params.get('create'));
  const { connection } = await api.ticketSummary().catch(() => ({ connection: { status: 'UNKNOWN' } }));
  const connected = connection.status === 'CONNECTED';

  const search = h('input', { type: 'search', id: 'action-search', name: 'q', placeholder: 'Search by name or service', autocomplete: 'off', value: params.get('q') ?? '' });
  const category = h('select', { id: 'action-category', name: 'category' },
    h('option', { value: '' }, 'All categories'),
    api.CATEGORIES.map((c) => h('option', { value: c }, c)));
  const sort = h('select', { id: 'action-sort', name: 'sort' },
    h('option', { value: 'rank' }, 'Rank'),
    h('option', { value: 'maxScore' }, 'Max score'));
  const count = h('p', { class: 'result-count', 'aria-live': 'polite' });
  const list = h('ul', { class: 'action-list', 'aria-label': 'Improvement actions' });
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, 'Load more');

  append(container,
    h('h1', null, 'Improvement actions'),
    h('p', { class: 'page-intro' }, 'Secure Score recommendations for your organisation. Share one to ServiceNow to track the work as a ticket.'),
    createType && session.canManage
      ? notice('info', `Choose the improvement action to send to ServiceNow as ${createType.label.toLowerCase() === 'incident' ? 'an incident' : 'a change request'}: open its Share menu and select ServiceNow.`)
      : null,
    !connected && session.canManage
      ? notice('info', 'ServiceNow is not connected yet, so actions cannot be shared to it. ', h('a', { href: '#/setup' }, 'Connect to ServiceNow'))
      : null,
    h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); reload(); } },
      field('Search', search),
      field('Category', category),
      field('Sort by', sort)),
    count, list, h('div', { class: 'list-footer' }, more));

  let cursor = null;
  let loaded = 0;
  let generation = 0;

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    if (reset) {
      cursor = null;
      loaded = 0;
      list.setAttribute('aria-busy', 'true');
    }
    more.disabled = true;
    const pageOf = await api.improvementActions({ text: search.value.trim(), category: category.value, sort: sort.value, cursor });
    if (mine !== generation || !isCurrent()) return;
    if (reset) clear(list);
    list.removeAttribute('aria-busy');
    pageOf.items.forEach((action) => list.append(actionItem(action)));
    loaded += pageOf.items.length;
    cursor = pageOf.next;
    more.hidden = !cursor;
    more.disabled = false;
    const total = pageOf.total ?? loaded;
    count.textContent = loaded === 0 ? 'No improvement actions match.' : `${total} improvement action${total === 1 ? '' : 's'}`;
    if (reset) announce(count.textContent);
  }

  function reload() {
    load(true).catch((error) => { clear(list).append(h('li', null, notice('error', error.message))); });
  }

  function actionItem(action) {
    const detailsId = uid('action-details');
    const remediation = htmlToText(action.remediationHtml);
    return h('li', { class: 'action', 'data-action-id': action.id },
      h('div', { class: 'action-main' },
        h('h2', { class: 'action-title' }, action.title),
        h('p', { class: 'action-meta' },
          h('span', { class: `chip chip-${action.category.toLowerCase()}` }, action.category || 'Uncategorised'),
          action.service ? h('span', null, action.service) : null,
          action.implementationCost ? h('span', null, `Cost: ${action.implementationCost}`) : null,
          action.userImpact ? h('span', null, `User impact: ${action.userImpact}`) : null),
        h('details', { class: 'action-details', id: detailsId },
          h('summary', null, 'How to implement'),
          h('p', { class: 'remediation' }, remediation || 'No remediation text.'),
          action.actionUrl ? h('p', null, h('a', { href: action.actionUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Open the admin page ↗')) : null)),
      h('div', { class: 'action-side' },
        h('p', { class: 'score' }, h('span', { class: 'score-value' }, formatScore(action.maxScore)), h('span', { class: 'score-label' }, 'max score')),
        shareMenu(action)));
  }

  function shareMenu(action) {
    const menuId = uid('share-menu');
    const button = h('button', { type: 'button', class: 'btn btn-small share-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId },
      h('span', { 'aria-hidden': 'true' }, '⤴ '), 'Share', h('span', { class: 'visually-hidden' }, `: ${action.title}`));
    const items = [];
    if (session.canManage) {
      items.push(menuItem('ServiceNow', () => openShareDialog(action, { type: createType?.value, connected })));
    }
    items.push(menuItem('Email', () => {
      window.location.href = `mailto:?subject=${encodeURIComponent(action.title)}&body=${encodeURIComponent(`${action.title}\n\n${htmlToText(action.remediationHtml)}`)}`;
    }));
    items.push(menuItem('Copy link', async () => {
      const link = `${window.location.origin}${window.location.pathname}#/actions?q=${encodeURIComponent(action.title)}`;
      try {
        await navigator.clipboard.writeText(link);
        announce('Link copied');
      } catch {
        announce('The link could not be copied');
      }
    }));
    const menu = h('ul', { class: 'menu', id: menuId, role: 'menu', hidden: true, 'aria-label': `Share ${action.title}` }, items);
    const wrapper = h('div', { class: 'menu-wrapper' }, button, menu);

    const open = () => {
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      menu.querySelector('[role="menuitem"]').focus();
      document.addEventListener('pointerdown', outside, true);
    };
    const close = (returnFocus) => {
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      document.removeEventListener('pointerdown', outside, true);
      if (returnFocus) button.focus();
    };
    const outside = (event) => { if (!wrapper.contains(event.target)) close(false); };

    button.addEventListener('click', () => (menu.hidden ? open() : close(true)));
    button.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') { event.preventDefault(); open(); }
    });
    menu.addEventListener('keydown', (event) => {
      const entries = [...menu.querySelectorAll('[role="menuitem"]')];
      const index = entries.indexOf(document.activeElement);
      if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(true); }
      else if (event.key === 'ArrowDown') { event.preventDefault(); entries[(index + 1) % entries.length].focus(); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); entries[(index - 1 + entries.length) % entries.length].focus(); }
      else if (event.key === 'Home') { event.preventDefault(); entries[0].focus(); }
      else if (event.key === 'End') { event.preventDefault(); entries[entries.length - 1].focus(); }
      else if (event.key === 'Tab') close(false);
    });
    menu.addEventListener('click', (event) => {
      const item = event.target.closest('[role="menuitem"]');
      if (!item) return;
      close(true);
      item.run();
    });
    return wrapper;
  }

  search.addEventListener('input', debounce(reload, 250));
  category.addEventListener('change', reload);
  sort.addEventListener('change', reload);
  more.addEventListener('click', () => load(false).catch((error) => count.replaceChildren(notice('error', error.message))));
  await load(true);
}

function menuItem(label, run) {
  const item = h('li', { role: 'menuitem', tabindex: '-1', class: 'menu-item' }, label);
  item.run = run;
  item.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); item.click(); }
  });
  return item;
}

function field(label, control) {
  return h('div', { class: 'field field-inline' }, h('label', { for: control.id }, label), control);
}

function formatScore(score) {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), ms);
  };
}
