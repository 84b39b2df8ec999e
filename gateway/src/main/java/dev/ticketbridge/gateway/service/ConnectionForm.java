package dev.ticketbridge.gateway.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator enters to set up the ServiceNow connection. The secret is stored by connection-service only. */
@Schema(description = "ServiceNow instance and the OAuth application registered in it")
public record ConnectionForm(
        @Schema(description = "Instance name ('contoso') or base URL ('https://contoso.service-now.com')") String instance,
        @Schema(description = "Client id of the instance's Application Registry entry") String clientId,
        @Schema(description = "Client secret of that entry; stored encrypted, never returned") String clientSecret) {

    @Override
    public String toString() {
        return "ConnectionForm[instance=" + instance + ", clientId=" + clientId + "]";
    }
}
