-- Every ServiceNow record this service tracks, with the last state it published for it.
CREATE TABLE tracked_ticket (
    share_id       UUID        PRIMARY KEY,
    tenant_id      TEXT        NOT NULL,
    table_name     TEXT        NOT NULL,
    sys_id         TEXT        NOT NULL,
    number         TEXT        NOT NULL,
    state_code     TEXT        NOT NULL,
    assigned_to    TEXT,
    sys_mod_count  BIGINT      NOT NULL,
    sys_updated_on TIMESTAMPTZ NOT NULL,
    closed         BOOLEAN     NOT NULL DEFAULT FALSE,
    tracked_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT tracked_ticket_record UNIQUE (tenant_id, table_name, sys_id)
);
CREATE INDEX tracked_ticket_open ON tracked_ticket (tenant_id, table_name, sys_id) WHERE NOT closed;

-- The latest ConnectionChanged per tenant: which instances to poll and how their states are labelled.
CREATE TABLE connection (
    tenant_id    TEXT        PRIMARY KEY,
    status       TEXT        NOT NULL,
    instance_url TEXT,
    state_names  TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);

-- How far each (tenant, table) has been read: the last (sys_updated_on, sys_id) committed with its events.
CREATE TABLE sync_cursor (
    tenant_id      TEXT NOT NULL,
    table_name     TEXT NOT NULL,
    updated_on     TEXT NOT NULL,
    last_sys_id    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, table_name)
);

-- Per-connection sync health for the gateway's card.
CREATE TABLE sync_health (
    tenant_id         TEXT PRIMARY KEY,
    last_success_at   TIMESTAMPTZ,
    last_error_at     TIMESTAMPTZ,
    last_error        TEXT,
    next_poll_at      TIMESTAMPTZ,
    last_cycle_calls  INTEGER NOT NULL DEFAULT 0,
    last_reconciled_at TIMESTAMPTZ,
    last_corrected    INTEGER NOT NULL DEFAULT 0
);
