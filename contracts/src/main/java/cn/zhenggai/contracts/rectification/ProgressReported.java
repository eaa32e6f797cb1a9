package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A department reported progress on an item (进展情况), with the evidence files it attached (佐证材料).
 *
 * <p>{@code evidence} was added later without a new revision (a purely additive field): a stored event written
 * before it has no {@code evidence} and reads as an empty list.
 *
 * @param measureId          the item
 * @param department         the item's lead department
 * @param text               what was done
 * @param reportedBy         user name of the reporter
 * @param reporterDepartment the reporter's department (the lead or a cooperating one)
 * @param evidence           the files attached to this report, possibly empty, never null
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record ProgressReported(String measureId, String department, String text, String reportedBy,
                               String reporterDepartment, List<Evidence> evidence,
                               Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public ProgressReported(String measureId, String department, String text, String reportedBy,
                            String reporterDepartment, List<Evidence> evidence) {
        this(measureId, department, text, reportedBy, reporterDepartment, evidence, null);
    }


    public ProgressReported {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A progress report without evidence files. */
    public ProgressReported(String measureId, String department, String text, String reportedBy,
                            String reporterDepartment) {
        this(measureId, department, text, reportedBy, reporterDepartment, List.of());
    }

    /**
     * An evidence file as stored by rectification-service: its id (the stored file's key), the name and type it was
     * uploaded with, its size in bytes and the SHA-256 of its content (lower-case hex), so that the file can be
     * proven unchanged later.
     */
    public record Evidence(String fileId, String fileName, String contentType, long size, String sha256) {
    }
}
