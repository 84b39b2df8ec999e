package dev.ticketbridge.sync.client;

/** ServiceNow answered 401: the access token was refused. */
public class UnauthorizedException extends ServiceNowCallException {

    public UnauthorizedException(String message) {
        super(401, message);
    }
}
