package dev.ticketbridge.gateway.client;

import dev.ticketbridge.gateway.CatalogAction;
import java.util.List;

/** Where a tenant's improvement actions come from. */
public interface CatalogSource {

    /** Every current (not deprecated) improvement action of the tenant, remediation HTML already sanitised. */
    List<CatalogAction> actions(String tenantId);
}
