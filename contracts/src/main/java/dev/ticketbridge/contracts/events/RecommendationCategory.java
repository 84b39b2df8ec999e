package dev.ticketbridge.contracts.events;

/** Secure Score control categories, as Microsoft Graph names them ({@code controlCategory}). */
public enum RecommendationCategory {
    Devices, Data, Apps, Identity, Infrastructure
}
