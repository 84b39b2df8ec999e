package dev.ticketbridge.connection.client;

/** The instance's token endpoint refused or failed a grant. The message is ServiceNow's own, never a secret. */
public class TokenEndpointException extends RuntimeException {

    /** How a grant failed, as far as the caller must act differently. */
    public enum Kind {
        /** Code, refresh token or verifier no longer valid: the user must authorise again. */
        INVALID_GRANT,
        /** Client id or secret refused. */
        INVALID_CLIENT,
        /** The instance answered with a page instead of a token response (hibernating, SSO, proxy). */
        NOT_A_TOKEN_RESPONSE,
        /** Another refusal (4xx). */
        REFUSED,
        /** The instance could not be reached or failed (5xx, timeout); worth retrying later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;

    public TokenEndpointException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
