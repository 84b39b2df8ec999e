// The gateway's REST API (/api/v1), in one place: paths, request bodies and the JSON shapes of the answers.
// Calls ride on the browser's session cookie (same origin) and carry X-Requested-With, which a cross-site form or
// a simple cross-origin request cannot set: the gateway can refuse cookie-authenticated calls without it.

const BASE = 'api/v1';
const CSRF_HEADER = 'X-Requested-With';
const CSRF_VALUE = 'ticketbridge-portal';

/** An answer other than 2xx, with the problem+json details when the gateway sent them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field errors as {field: message}; field is the API's path, e.g. "task.dueDate". */
  get fieldErrors() {
    const errors = {};
    for (const error of this.problem.errors ?? []) {
      if (error?.field) errors[error.field] = error.message ?? 'is invalid';
    }
    return errors;
  }

  get unauthenticated() {
    return this.status === 401;
  }
}

async function call(method, path, { body, headers, query } = {}) {
  const url = new URL(`${BASE}/${path}`, document.baseURI);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '' && value !== false) url.searchParams.set(key, value);
  }
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      Accept: 'application/json, application/problem+json',
      [CSRF_HEADER]: CSRF_VALUE,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { status: response.status, data, location: response.headers.get('Location') };
}

// ---- shapes: the API's enum names and the labels the portal shows ----

export const TICKET_TYPES = [
  { value: 'CHANGE_REQUEST', label: 'Change request', plural: 'Change management tickets' },
  { value: 'INCIDENT', label: 'Incident', plural: 'Incident management tickets' },
];
export const PRIORITIES = [
  { value: 'CRITICAL', label: '1 – Critical' },
  { value: 'HIGH', label: '2 – High' },
  { value: 'MODERATE', label: '3 – Moderate' },
  { value: 'LOW', label: '4 – Low' },
  { value: 'PLANNING', label: '5 – Planning' },
];
export const CATEGORIES = ['Identity', 'Data', 'Devices', 'Apps', 'Infrastructure'];
export const ROLE_ADMIN = 'security-admin';

/** Accepts CHANGE_REQUEST or the ServiceNow table name change_request. */
export function ticketType(value) {
  const upper = String(value ?? '').toUpperCase();
  return TICKET_TYPES.find((t) => t.value === upper) ?? null;
}

export function ticketTypeLabel(value) {
  return ticketType(value)?.label ?? String(value ?? '');
}

export function priorityLabel(value) {
  return PRIORITIES.find((p) => p.value === value)?.label ?? (value ?? '—');
}

// ---- identity ----

/** The caller: {userId, tenantId, roles, administrator}; administrator is null when the gateway cannot tell. */
export async function me() {
  try {
    const { data } = await call('GET', 'me');
    const roles = data?.roles ?? [];
    return {
      userId: data?.displayName ?? data?.userId ?? data?.user ?? '',
      tenantId: data?.tenantId ?? '',
      roles,
      administrator: typeof data?.administrator === 'boolean' ? data.administrator : roles.includes(ROLE_ADMIN),
    };
  } catch (error) {
    if (error.status === 404) return { userId: '', tenantId: '', roles: [], administrator: null };
    throw error;
  }
}

// ---- improvement actions ----

/** One page of improvement actions: {items, next, total}; next is the following page number, or null. */
export async function improvementActions({ text, category, sort, cursor, limit = 50 } = {}) {
  const page = Number(cursor ?? 0);
  const { data } = await call('GET', 'improvement-actions', { query: { text, category, sort, page, size: limit } });
  const items = (data?.items ?? []).map(normaliseAction);
  const total = Number(data?.total ?? items.length);
  return { items, total, next: (page + 1) * limit < total ? page + 1 : null };
}

export async function improvementAction(id) {
  const { data } = await call('GET', `improvement-actions/${encodeURIComponent(id)}`);
  return normaliseAction(data);
}

function normaliseAction(a) {
  return {
    id: a.id,
    title: a.title ?? a.id,
    category: a.category ?? a.controlCategory ?? '',
    service: a.service ?? '',
    maxScore: Number(a.maxScore ?? 0),
    rank: a.rank ?? null,
    tier: a.tier ?? '',
    actionUrl: a.actionUrl ?? null,
    implementationCost: a.implementationCost ?? '',
    userImpact: a.userImpact ?? '',
    threats: a.threats ?? [],
    remediationHtml: a.remediation ?? '',
  };
}

// ---- shares ----

/**
 * Sends a share. form = {actionId, ticketType, category, recommendationSource, taskName, description, priority, dueDate}
 * (the gateway's ShareForm). The idempotency key makes a retried POST return the first share, not a second one.
 */
export async function createShare(form, idempotencyKey) {
  const { data, location } = await call('POST', 'shares', { body: form, headers: { 'Idempotency-Key': idempotencyKey } });
  const view = normaliseTicket(data ?? {});
  return { ...view, id: view.id ?? location?.split('/').pop() };
}

/** One share (ShareView): status PENDING, CREATED (number, recordUrl) or FAILED (failureReason, failureMessage). */
export async function share(id) {
  const { data } = await call('GET', `shares/${encodeURIComponent(id)}`);
  return normaliseTicket(data);
}

// ---- tickets ----

/** One page of tickets, newest first: {items, next}. state is a state code or the tenant's label for it. */
export async function tickets({ type, status, state, text, overdue, cursor, limit = 25 } = {}) {
  const { data } = await call('GET', 'tickets', {
    query: { type, status, state, text, overdue: overdue ? 'true' : undefined, cursor, size: limit },
  });
  return { items: (data?.items ?? []).map(normaliseTicket), next: data?.nextCursor ?? null };
}

/** A ShareView of the gateway, as the pages use it. */
function normaliseTicket(t) {
  return {
    id: t.shareId ?? null,
    type: ticketType(t.ticketType)?.value ?? t.ticketType,
    status: t.status ?? 'PENDING',
    number: t.number ?? null,
    recordUrl: t.recordUrl ?? null,
    name: t.taskName ?? t.actionTitle ?? '',
    actionTitle: t.actionTitle ?? '',
    stateCode: t.state?.code ?? null,
    stateLabel: t.state?.label ?? null,
    priority: t.priority ?? null,
    dueDate: t.dueDate ?? null,
    overdue: Boolean(t.overdue),
    closed: Boolean(t.closed),
    sharedBy: t.requestedBy ?? '',
    updatedAt: t.lastUpdated ?? t.requestedAt ?? null,
    failureReason: t.failure?.reason ?? null,
    failureMessage: t.failure?.message ?? null,
  };
}

/**
 * The home cards (TicketBoard.Summary): connection {status, instanceUrl, detail, since} and per ticket type
 * {states: [{label, codes, count}], total, open, pending, failed, overdue, pointsAtStake}; syncHealth when reported.
 */
export async function ticketSummary() {
  const { data } = await call('GET', 'tickets/summary');
  const types = {};
  for (const type of TICKET_TYPES) {
    const raw = (data?.types ?? []).find((t) => ticketType(t.ticketType)?.value === type.value) ?? {};
    types[type.value] = {
      states: (raw.states ?? []).map((s) => ({ label: s.label ?? '', codes: s.codes ?? [], count: Number(s.tickets ?? 0) })),
      total: Number(raw.total ?? 0),
      open: Number(raw.open ?? 0),
      pending: Number(raw.pending ?? 0),
      failed: Number(raw.failed ?? 0),
      overdue: Number(raw.overdue ?? 0),
      pointsAtStake: Number(raw.pointsAtStake ?? 0),
    };
  }
  const connection = data?.connection ?? {};
  return {
    connection: { status: connection.status ?? 'NOT_CONNECTED', instanceUrl: connection.instanceUrl ?? null, detail: connection.detail ?? null },
    types,
    syncHealth: data?.syncHealth ?? null,
  };
}

// ---- ServiceNow connection (the gateway forwards these to connection-service with the caller's tenant) ----

/** The connection (no secrets): {status, instanceUrl, clientId, detail, updatedAt, authorizedBy}; NOT_CONNECTED when absent. */
export async function connection() {
  try {
    const { data } = await call('GET', 'connection');
    return {
      status: data?.status ?? 'NOT_CONNECTED',
      instanceUrl: data?.instanceUrl ?? null,
      clientId: data?.clientId ?? null,
      detail: data?.detail ?? null,
      authorizedBy: data?.authorizedBy ?? null,
      updatedAt: data?.updatedAt ?? null,
    };
  } catch (error) {
    // Without a connection resource, the summary still tells the status.
    if (error.status === 404 || error.status === 405) return (await ticketSummary()).connection;
    throw error;
  }
}

/** Stores instance, client id and client secret; the connection then waits for authorization. */
export async function setUpConnection({ instance, clientId, clientSecret }) {
  const { data } = await call('PUT', 'connection', { body: { instance, clientId, clientSecret } });
  return data?.authorizeUrl ?? null;
}

/** Starts an authorization: the ServiceNow consent page URL to send the browser to. */
export async function authorizeUrl() {
  const { data } = await call('POST', 'connection/authorization', { body: {} });
  return data?.authorizeUrl;
}

/** The connection check: {ok, checkedAt, items: [{name, ok, message, guidance}]}. */
export async function checkConnection() {
  const { data } = await call('POST', 'connection/check', { body: {} });
  const items = (data?.items ?? []).map((item) => ({
    name: item.item ?? '', ok: Boolean(item.ok), message: item.detail ?? '', guidance: item.guidance ?? null,
  }));
  return { ok: Boolean(data?.ok), checkedAt: data?.checkedAt ?? null, items };
}

/**
 * State names per table: {defaults, renames, effective}, each {change_request: {code: label}, incident: {...}};
 * null when the gateway offers none.
 */
export async function stateNames() {
  try {
    const { data } = await call('GET', 'connection/state-names');
    return { defaults: data?.defaults ?? {}, renames: data?.renames ?? {}, effective: data?.effective ?? {} };
  } catch (error) {
    if (error.status === 404 || error.status === 405) return null;
    throw error;
  }
}

/** Replaces the tenant's renames: {change_request: {code: label}, incident: {...}}. */
export async function saveStateNames(renames) {
  await call('PUT', 'connection/state-names', { body: { renames } });
}

/** Removes the connection: tokens revoked at ServiceNow, secrets deleted. */
export async function removeConnection() {
  await call('DELETE', 'connection');
}
