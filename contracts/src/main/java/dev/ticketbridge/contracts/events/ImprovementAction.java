package dev.ticketbridge.contracts.events;

/** The Secure Score improvement action a share is about. */
public record ImprovementAction(
        String id,
        String title,
        RecommendationCategory category,
        RecommendationSource source,
        double maxScore,
        String url) {

    public ImprovementAction {
        Required.text(id, "action.id");
        Required.text(title, "action.title");
        Required.field(category, "action.category");
        Required.field(source, "action.source");
    }
}
