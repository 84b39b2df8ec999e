package dev.ticketbridge.connection;

import java.net.URI;

/** The base URL of a ServiceNow instance that passed validation, e.g. {@code https://contoso.service-now.com}. */
public record InstanceUrl(String value) {

    public URI resolve(String pathAndQuery) {
        return URI.create(value + pathAndQuery);
    }

    public String host() {
        return URI.create(value).getHost();
    }

    @Override
    public String toString() {
        return value;
    }
}
