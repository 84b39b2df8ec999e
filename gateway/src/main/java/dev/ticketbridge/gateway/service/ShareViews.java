package dev.ticketbridge.gateway.service;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.gateway.ShareStatus;
import dev.ticketbridge.gateway.persistence.ShareRecord;
import java.time.LocalDate;

/** Turns read-model rows into what the API shows, labelling states the tenant's way. */
final class ShareViews {

    private ShareViews() {
    }

    static ShareView of(ShareRecord share, StateLabels labels, LocalDate today) {
        String table = TicketType.valueOf(share.ticketType).table();
        ShareView.State state = share.stateCode == null ? null
                : new ShareView.State(share.stateCode, labels.label(table, share.stateCode, share.stateLabel));
        ShareView.Failure failure = share.status == ShareStatus.FAILED
                ? new ShareView.Failure(share.failureReason, share.failureMessage) : null;
        boolean overdue = share.open() && share.dueDate != null && share.dueDate.isBefore(today);
        return new ShareView(share.shareId, share.status, share.ticketType, share.changeType, share.actionId,
                share.actionTitle, share.category, share.recommendationSource, share.maxScore, share.taskName,
                share.description, share.priority, share.dueDate, overdue, share.requestedBy, share.requestedAt,
                share.number, share.recordUrl, state, share.assignedTo, share.closed, share.updatedAt, failure);
    }
}
