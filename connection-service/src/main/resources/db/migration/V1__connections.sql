-- One ServiceNow connection per tenant. Secret columns hold AES-GCM envelopes (v1:<key id>:<base64>), never plaintext.
CREATE TABLE tenant_connection (
    tenant_id          TEXT        PRIMARY KEY,
    instance_url       TEXT        NOT NULL,
    client_id          TEXT        NOT NULL,
    client_secret      TEXT        NOT NULL,
    access_token       TEXT,
    refresh_token      TEXT,
    access_expires_at  TIMESTAMPTZ,
    status             TEXT        NOT NULL,
    detail             TEXT,
    authorized_by      TEXT,
    instance_labels    TEXT,
    renamed_labels     TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

-- Authorizations started and not yet completed: the OAuth state (single use), who started it, the PKCE verifier.
CREATE TABLE pending_authorization (
    state          TEXT        PRIMARY KEY,
    tenant_id      TEXT        NOT NULL REFERENCES tenant_connection (tenant_id) ON DELETE CASCADE,
    requested_by   TEXT        NOT NULL,
    code_verifier  TEXT        NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_authorization_tenant ON pending_authorization (tenant_id);
