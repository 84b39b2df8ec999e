-- Every share of every tenant and, once ServiceNow created it, the record's latest known state.
CREATE TABLE share (
    share_id              UUID PRIMARY KEY,
    tenant_id             TEXT             NOT NULL,
    ticket_type           TEXT             NOT NULL,
    status                TEXT             NOT NULL,
    requested_by          TEXT,
    requested_at          TIMESTAMPTZ      NOT NULL,
    change_type           TEXT,
    action_id             TEXT,
    action_title          TEXT,
    category              TEXT,
    recommendation_source TEXT,
    max_score             DOUBLE PRECISION,
    task_name             TEXT,
    description           TEXT,
    priority              TEXT,
    due_date              DATE,
    sys_id                TEXT,
    number                TEXT,
    record_url            TEXT,
    state_code            TEXT,
    state_label           TEXT,
    assigned_to           TEXT,
    closed                BOOLEAN          NOT NULL DEFAULT FALSE,
    sys_mod_count         BIGINT           NOT NULL DEFAULT -1,
    sys_updated_on        TIMESTAMPTZ,
    failure_reason        TEXT,
    failure_message       TEXT,
    updated_at            TIMESTAMPTZ      NOT NULL
);
-- Keyset pagination of the ticket list, newest first, optionally by type or state.
CREATE INDEX share_list ON share (tenant_id, requested_at DESC, share_id DESC);
CREATE INDEX share_list_by_type ON share (tenant_id, ticket_type, requested_at DESC, share_id DESC);
CREATE INDEX share_list_by_state ON share (tenant_id, state_code, requested_at DESC, share_id DESC);
CREATE INDEX share_list_overdue ON share (tenant_id, due_date) WHERE status = 'CREATED' AND NOT closed;

-- A retried POST with the same Idempotency-Key finds the share its first attempt made.
CREATE TABLE share_idempotency (
    tenant_id       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    share_id        UUID        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idempotency_key)
);

-- The summary, maintained incrementally: how many shares sit in each (type, status, state, closed, due date) bucket.
-- A due date of 'infinity' stands for none. The summary reads a few hundred rows instead of every share.
CREATE TABLE ticket_bucket (
    tenant_id   TEXT    NOT NULL,
    ticket_type TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    state_code  TEXT    NOT NULL,
    closed      BOOLEAN NOT NULL,
    due_date    DATE    NOT NULL,
    tickets     BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, ticket_type, status, state_code, closed, due_date)
);

-- Open tickets per improvement action, for the points at stake (each action's max score counted once).
CREATE TABLE action_bucket (
    tenant_id    TEXT             NOT NULL,
    ticket_type  TEXT             NOT NULL,
    action_id    TEXT             NOT NULL,
    max_score    DOUBLE PRECISION NOT NULL,
    open_tickets BIGINT           NOT NULL,
    PRIMARY KEY (tenant_id, ticket_type, action_id)
);

-- Each tenant's ServiceNow connection as connection-service last announced it, with its state labels.
CREATE TABLE connection_view (
    tenant_id    TEXT PRIMARY KEY,
    status       TEXT        NOT NULL,
    instance_url TEXT,
    state_names  JSONB       NOT NULL,
    detail       TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL
);

-- Who did what, per tenant.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target      TEXT,
    detail      TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_entry_by_tenant ON audit_entry (tenant_id, id DESC);

-- The label ServiceNow last reported for each state code, shown where the tenant has not named the state.
CREATE TABLE reported_state_label (
    tenant_id   TEXT NOT NULL,
    ticket_type TEXT NOT NULL,
    state_code  TEXT NOT NULL,
    label       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, ticket_type, state_code)
);
