package dev.ticketbridge.contracts.events;

/** Who recommends the improvement action: Microsoft (Secure Score) or a user of the tenant. */
public enum RecommendationSource {
    MICROSOFT, USER
}
