package dev.ticketbridge.gateway;

/** The two roles of the portal, to which the identity provider's role claim values are mapped. */
public final class Roles {

    /** Security administrator: connects ServiceNow, manages the connection, shares improvement actions. */
    public static final String ADMIN = "security-admin";
    /** Security reader: views everything, changes nothing. */
    public static final String READER = "security-reader";

    private Roles() {
    }
}
