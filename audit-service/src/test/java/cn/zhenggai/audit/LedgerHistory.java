package cn.zhenggai.audit;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * A generated rectification history for tests and benchmarks: items spread over five departments, each with
 * {@link #EVENTS_PER_ITEM} events of every kind the ledger folds (planned, assigned, progress with evidence, colour
 * changes, extension requested/granted/refused, overdue, reassignment, source links, supervision, completion,
 * verification or rejection), as audit records before the chain fields ({@code AuditLog.base} shape).
 */
public final class LedgerHistory {

    public static final String[] DEPARTMENTS = {"XZSPJ", "CZJ", "ZZB", "JYJ", "WJW"};
    public static final int EVENTS_PER_ITEM = 10;
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private LedgerHistory() {
    }

    /**
     * Every event of {@code items} items in waves (first every item's event 0, then every item's event 1 …), so that
     * aggregates interleave as in real life; handed over in batches of {@code batchSize}.
     */
    public static void generate(int items, int batchSize, Consumer<List<Document>> sink) {
        List<Document> batch = new ArrayList<>(batchSize);
        long offset = 0;
        for (int seq = 0; seq < EVENTS_PER_ITEM; seq++) {
            for (int item = 0; item < items; item++) {
                batch.add(event(item, seq, offset++));
                if (batch.size() == batchSize) {
                    sink.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /** The {@code seq}-th event of item {@code item}. */
    public static Document event(int item, int seq, long offset) {
        String id = "m-" + item;
        String department = DEPARTMENTS[item % DEPARTMENTS.length];
        String lead = seq >= 6 && item % 7 == 0 ? DEPARTMENTS[(item + 1) % DEPARTMENTS.length] : department;
        String deadline = "2023-0" + (3 + item % 6) + "-28";
        Document p = new Document("measureId", id).append("department", lead);
        String type;
        String actor = "liaison-" + department;
        switch (seq) {
            case 0 -> {
                type = "MeasurePlanned";
                actor = "system";
                p.append("source", item % 11 == 0 ? "INSPECTION" : "REPORT").append("reportId", "r-" + item / 5)
                        .append("reportMeasureId", "rm-" + item).append("reportDepartment", department)
                        .append("author", "cadre-" + item / 5).append("year", 2022).append("ordinal", item % 5 + 1)
                        .append("title", "第" + item + "项整改措施：强化理论武装，提高政治站位")
                        .append("content", "每月开展集中学习，领导班子带头讲党课，建立学习台账，确保学习全覆盖。")
                        .append("actions", List.of()).append("proposedDeadline", deadline)
                        .append("deadlineText", "2023年6月底前").append("proposedOwner", "负责人" + item)
                        .append("proposedLeadDepartment", department)
                        .append("cooperatingDepartments", List.of(DEPARTMENTS[(item + 2) % DEPARTMENTS.length]))
                        .append("rootCauseIds", List.of("c-" + item / 5))
                        .append("problems", List.of(new Document("problemId", "p-" + item).append("theme", "政治建设")
                                .append("ordinal", 1).append("statement", "理论学习不够深入，联系实际不够紧密")));
            }
            case 1 -> {
                type = "MeasureAssigned";
                actor = "head-" + department;
                p.append("leadDepartment", lead)
                        .append("cooperatingDepartments", List.of(DEPARTMENTS[(item + 2) % DEPARTMENTS.length]))
                        .append("owner", "负责人" + item).append("deadline", deadline).append("longTerm", false)
                        .append("reviewPeriodMonths", null).append("assignedBy", actor);
            }
            case 2, 5 -> {
                type = "ProgressReported";
                p.append("text", "第" + seq + "次进展：已组织集中学习" + seq + "次，形成学习记录。")
                        .append("reportedBy", actor).append("reporterDepartment", department)
                        .append("evidence", List.of(new Document("name", "学习记录" + seq + ".pdf").append("sha256", "ab" + seq)));
            }
            case 3 -> {
                type = "MeasureColourChanged";
                actor = "system";
                p.append("colour", "YELLOW").append("previousColour", "GREEN").append("deadline", deadline)
                        .append("owner", "负责人" + item);
            }
            case 4 -> {
                if (item % 3 == 0) {
                    type = "DeadlineExtensionRequested";
                    p.append("currentDeadline", deadline).append("requestedDeadline", "2023-12-31")
                            .append("reason", "涉及多部门协调").append("requestedBy", actor);
                } else {
                    type = "MeasureSourceLinked";
                    actor = "party-1";
                    p.append("source", "AUDIT").append("reference", "审计〔2023〕" + item + "号").append("finding", "专项资金管理不规范");
                }
            }
            case 6 -> {
                if (item % 7 == 0) {
                    type = "MeasureAssigned";
                    actor = "party-1";
                    p.append("leadDepartment", lead).append("cooperatingDepartments", List.of(department))
                            .append("owner", "新负责人" + item).append("deadline", deadline).append("longTerm", false)
                            .append("reviewPeriodMonths", null).append("assignedBy", actor);
                } else if (item % 4 == 0) {
                    type = "MeasureOverdue";
                    actor = "system";
                    p.append("deadline", deadline).append("owner", "负责人" + item);
                } else if (item % 3 == 0) {
                    type = "DeadlineExtended";
                    actor = "party-1";
                    p.append("previousDeadline", deadline).append("deadline", "2023-12-31")
                            .append("requestedBy", "liaison-" + department).append("approvedBy", actor);
                } else {
                    type = "SupervisionNoticeIssued";
                    actor = "party-1";
                    p.append("noticeId", "n-" + item).append("note", "请加快整改进度");
                }
            }
            case 7 -> {
                type = "MeasureColourChanged";
                actor = "system";
                p.append("colour", item % 4 == 0 ? "RED" : "GREEN").append("previousColour", "YELLOW");
            }
            case 8 -> {
                type = "MeasureCompleted";
                p.append("summary", "已完成全部整改任务").append("completedBy", actor).append("deadline", deadline)
                        .append("late", item % 4 == 0);
            }
            default -> {
                if (item % 2 == 0) {
                    type = "MeasureVerified";
                    p.append("verifiedBy", "party-1").append("opinion", "同意销号");
                } else {
                    type = "MeasureRejected";
                    p.append("rejectedBy", "party-1").append("reasons", List.of("佐证材料不足"));
                }
                actor = "party-1";
            }
        }
        Instant at = START.plusSeconds(seq * 10L * 86_400 + item);
        return new Document("_id", id + "-" + seq)
                .append("type", type)
                .append("revision", "1")
                .append("aggregateType", "Measure")
                .append("aggregateId", id)
                .append("sequence", (long) seq)
                .append("timestamp", Date.from(at))
                .append("actor", actor)
                .append("department", lead)
                .append("payload", p)
                .append("source", new Document("topic", "zhenggai.rectification.events")
                        .append("partition", item % 3).append("offset", offset));
    }
}
