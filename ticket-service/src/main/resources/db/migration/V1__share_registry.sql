-- Every share this service has accepted, and the ServiceNow record it became.
CREATE TABLE share_registry (
    share_id     UUID PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    ticket_type  TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    requested_by TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    sys_id       TEXT,
    number       TEXT,
    attempts     INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX share_registry_tenant_status ON share_registry (tenant_id, status);
