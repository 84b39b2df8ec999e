// DOM helpers. Every piece of data reaches the page as a text node or an attribute value, never as markup.

/** Creates an element: h('a', {href: '#/x', class: 'btn'}, 'text', childNode, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'href') el.setAttribute('href', safeHref(value));
    else if (key === 'style') Object.assign(el.style, value); // CSSOM, so a strict style-src policy allows it
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends text and nodes; strings always become text nodes. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Only in-app links and http(s) links are kept; anything else (javascript:, data:) becomes a dead link. */
export function safeHref(url) {
  const text = String(url);
  if (text.startsWith('#') || text.startsWith('/')) return text;
  try {
    const parsed = new URL(text, window.location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'PRE', 'BLOCKQUOTE']);

/**
 * The readable text of an HTML fragment, with line breaks where the markup had blocks and <br>. DOMParser builds an
 * inert document: no script runs and no resource loads.
 */
export function htmlToText(html) {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(String(html), 'text/html');
  doc.querySelectorAll('script, style, template').forEach((n) => n.remove());
  doc.querySelectorAll('br').forEach((n) => n.replaceWith('\n'));
  doc.querySelectorAll('li').forEach((n) => n.prepend('• '));
  doc.querySelectorAll('*').forEach((n) => {
    if (BLOCKS.has(n.tagName)) n.append('\n');
  });
  return (doc.body.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Announces a message to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => { region.textContent = message; }, 50);
}

let idCounter = 0;
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A calendar date (yyyy-mm-dd) shown in the user's locale, without a time zone shift. */
export function formatDate(isoDate) {
  if (!isoDate) return '—';
  const [y, m, d] = String(isoDate).slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return String(isoDate);
  return dateFormat.format(new Date(y, m - 1, d));
}

export function formatDateTime(isoInstant) {
  if (!isoInstant) return '—';
  const date = new Date(isoInstant);
  return Number.isNaN(date.getTime()) ? String(isoInstant) : dateTimeFormat.format(date);
}

/** Today plus a number of days, as yyyy-mm-dd in the user's calendar. */
export function isoDateInDays(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A notice block: kind is info, success, warning or error. */
export function notice(kind, ...content) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null }, ...content);
}
