package cn.zhenggai.audit.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * The answer of {@code GET /api/audit/aggregates/{id}/timeline}: the aggregate, its type and department as first
 * recorded, the instant asked about (null: now) and its events in order.
 */
public record Timeline(String aggregateId, String aggregateType, String department, String asOf, int count,
                       List<Event> events) {

    /**
     * One event: sequence, id, type, when recorded ({@code time} and {@code recordedAt}) and effective, whether
     * backdated (and then by whom, why and from where: the keys are there only for a backdated event), actor,
     * department, a Chinese summary, the chain position and when the audit log received it. {@code eventId} and
     * {@code position} are the stored values as they are.
     */
    public record Event(Long sequence, Object eventId, String type, String time, String recordedAt,
                        String effectiveAt, boolean backdated, @JsonUnwrapped Backdated backdating, String actor,
                        String department, String summary, Object position, String loggedAt) {
    }

    /** Who entered a backdated event and why; {@code migratedFrom} only when it was migrated from a sheet. */
    public record Backdated(String backdatedBy, String backdateReason,
                            @JsonInclude(JsonInclude.Include.NON_NULL) MigratedFrom migratedFrom) {
    }

    /** The historical ledger a migrated event came from: file name, SHA-256 of its bytes and the 1-based row. */
    public record MigratedFrom(String fileName, String sha256, Object row) {
    }
}
