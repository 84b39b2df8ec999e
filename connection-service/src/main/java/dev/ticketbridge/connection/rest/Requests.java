package dev.ticketbridge.connection.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the internal API. */
final class Requests {

    private Requests() {
    }

    @Schema(description = "Create or replace a tenant's connection")
    record Connect(
            @Schema(description = "Instance name ('contoso') or base URL ('https://contoso.service-now.com')") String instance,
            @Schema(description = "Client id of the instance's Application Registry entry") String clientId,
            @Schema(description = "Client secret of that entry; stored encrypted, never returned") String clientSecret,
            @Schema(description = "Id of the portal user starting the authorization") String requestedBy) {

        @Override
        public String toString() {
            return "Connect[instance=" + instance + ", clientId=" + clientId + ", requestedBy=" + requestedBy + "]";
        }
    }

    @Schema(description = "Start another authorization of an existing connection")
    record Authorize(@Schema(description = "Id of the portal user starting the authorization") String requestedBy) {
    }

    @Schema(description = "What ServiceNow sent the browser back with, forwarded by the gateway")
    record Callback(String state, String code, @Schema(description = "OAuth error, e.g. access_denied after Deny") String error,
                    @Schema(description = "Id of the portal user completing the authorization") String requestedBy) {

        @Override
        public String toString() {
            return "Callback[requestedBy=" + requestedBy + "]";
        }
    }

    @Schema(description = "The access token a ServiceNow call was rejected with (HTTP 401)")
    record Refresh(String rejectedAccessToken) {

        @Override
        public String toString() {
            return "Refresh[]";
        }
    }

    /** Renames per table ({@code incident}, {@code change_request}): state code → label. */
    record StateNames(Map<String, Map<String, String>> renames) {
    }
}
