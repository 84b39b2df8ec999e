package dev.ticketbridge.gateway.persistence;

import dev.ticketbridge.gateway.ShareStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One share and, once it became a ServiceNow record, that record's latest known state (the read model's row). */
@Entity
@Table(name = "share")
public class ShareRecord extends PanacheEntityBase {

    @Id
    @Column(name = "share_id")
    public UUID shareId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "ticket_type", nullable = false)
    public String ticketType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShareStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "change_type")
    public String changeType;

    @Column(name = "action_id")
    public String actionId;

    @Column(name = "action_title")
    public String actionTitle;

    public String category;

    @Column(name = "recommendation_source")
    public String recommendationSource;

    @Column(name = "max_score")
    public Double maxScore;

    @Column(name = "task_name")
    public String taskName;

    public String description;

    public String priority;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "sys_id")
    public String sysId;

    public String number;

    @Column(name = "record_url")
    public String recordUrl;

    @Column(name = "state_code")
    public String stateCode;

    @Column(name = "state_label")
    public String stateLabel;

    @Column(name = "assigned_to")
    public String assignedTo;

    public boolean closed;

    @Column(name = "sys_mod_count")
    public long sysModCount = -1;

    @Column(name = "sys_updated_on")
    public Instant sysUpdatedOn;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "failure_message")
    public String failureMessage;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether a ServiceNow record exists and is not closed. */
    public boolean open() {
        return status == ShareStatus.CREATED && !closed;
    }
}
