-- What the worker needs to turn a registered share into exactly one ServiceNow record, and survive restarts.
ALTER TABLE share_registry
    ADD COLUMN request         JSONB,
    ADD COLUMN next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN lease_until     TIMESTAMPTZ,
    ADD COLUMN lookup_first    BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN failures        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN parked_since    TIMESTAMPTZ,
    ADD COLUMN hibernating_since TIMESTAMPTZ,
    ADD COLUMN last_error      TEXT,
    ADD COLUMN last_http_status INTEGER,
    ADD COLUMN record_url      TEXT,
    ADD COLUMN state_code      TEXT,
    ADD COLUMN failure_reason  TEXT,
    ADD COLUMN completed_at    TIMESTAMPTZ;

CREATE INDEX share_registry_due ON share_registry (status, next_attempt_at);

-- The latest ConnectionChanged per tenant: whether parked shares may go, and the tenant's state labels.
CREATE TABLE tenant_connection (
    tenant_id   TEXT PRIMARY KEY,
    status      TEXT        NOT NULL,
    state_names JSONB       NOT NULL DEFAULT '{}'::jsonb,
    changed_at  TIMESTAMPTZ NOT NULL
);
