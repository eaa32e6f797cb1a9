package cn.zhenggai.testsupport.reports;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random, valid histories of one report, seeded: every event type of the Report aggregate, in orders the aggregate
 * allows (content only while a draft or returned, submission only with a problem and a measure, a decision only on a
 * submitted round, delegations until accepted, reads once declared), and the deliveries a consumer may see of them
 * (each in order, with redeliveries of earlier events and duplicates). For property tests of the report fold
 * (ADR 0095).
 */
public final class ReportHistories {

    private static final List<String> THEMES = List.of("理论学习方面", "担当作为方面", "作风建设方面", "廉洁自律方面");
    private static final Instant START = Instant.parse("2022-12-01T01:00:00Z");

    /** One event of the history as its service stored it. */
    public record Step(Object event, long sequence, String eventId, Instant at, String actor) {
    }

    private ReportHistories() {
    }

    /** A history of report {@code reportId} in sequence order, from ReportDrafted; the same seed gives the same. */
    public static List<Step> history(String reportId, long seed) {
        return new Generator(reportId, new Random(seed)).run();
    }

    /**
     * What a consumer receives of {@code history}: every step in order, and now and then a step delivered again
     * right away or an earlier one delivered late.
     */
    public static List<Step> deliveries(List<Step> history, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            out.add(history.get(i));
            int roll = random.nextInt(10);
            if (roll == 0) {
                out.add(history.get(i));
            } else if (roll == 1) {
                out.add(history.get(random.nextInt(i + 1)));
            }
        }
        return out;
    }

    private static final class Generator {
        private final String id;
        private final Random random;
        private final String dept = "XZSPJ";
        private final String author;
        private final List<Step> steps = new ArrayList<>();
        private Instant at = START;
        private String status = "DRAFT";
        private int round;
        private int problemSeq;
        private int rootCauseSeq;
        private int measureSeq;
        private boolean declared;
        private final Map<String, ProblemIdentified> live = new LinkedHashMap<>();
        private final Map<String, RootCauseAnalyzed> rootCauses = new LinkedHashMap<>();
        private final Map<String, MeasureProposed> measures = new LinkedHashMap<>();
        private final Set<String> delegates = new LinkedHashSet<>();

        Generator(String id, Random random) {
            this.id = id;
            this.random = random;
            this.author = "cadre-" + random.nextInt(5);
        }

        List<Step> run() {
            Integer year = random.nextInt(6) == 0 ? null : 2020 + random.nextInt(5);
            emit(new ReportDrafted(id, "民主生活会个人发言提纲" + random.nextInt(100), year, author, dept), author);
            if (random.nextBoolean()) {
                emit(new MeetingReferenced(id, dept, random.nextBoolean() ? "mtg-" + random.nextInt(3) : null,
                        "*发〔2022〕" + random.nextInt(20) + "号"), author);
            }
            int length = 5 + random.nextInt(45);
            while (steps.size() < length) {
                if ("ACCEPTED".equals(status)) {
                    if (!declared || random.nextInt(3) == 0) {
                        break;
                    }
                    read();
                    continue;
                }
                if ("SUBMITTED".equals(status)) {
                    switch (random.nextInt(6)) {
                        case 0, 1 -> {
                            status = "RETURNED";
                            emit(new ReportReturned(id, dept, "org-" + random.nextInt(2), round,
                                    List.of("不够具体" + random.nextInt(9))), "org-1");
                        }
                        case 2, 3 -> accept();
                        case 4 -> delegate();
                        default -> read();
                    }
                    continue;
                }
                edit();
            }
            return List.copyOf(steps);
        }

        private void edit() {
            switch (random.nextInt(16)) {
                case 0, 1, 2 -> identify();
                case 3 -> pick(live.keySet()).ifPresent(p -> {
                    ProblemIdentified before = live.get(p);
                    emit(new ProblemRevised(id, p, dept, before.theme(), before.ordinal(),
                            before.statement() + "（修订" + random.nextInt(99) + "）",
                            random.nextBoolean() ? null : "比如" + random.nextInt(9)), editor());
                });
                case 4 -> pick(live.keySet()).ifPresent(p -> {
                    live.remove(p);
                    emit(new ProblemWithdrawn(id, p, dept, random.nextBoolean() ? null : "重复"), editor());
                });
                case 5, 6 -> {
                    String rc = "rc-" + (++rootCauseSeq);
                    RootCauseAnalyzed e = new RootCauseAnalyzed(id, rc, dept, rootCauses.size() + 1,
                            "根源" + rootCauseSeq, random.nextBoolean() ? "" : "分析" + random.nextInt(9), links());
                    rootCauses.put(rc, e);
                    emit(e, editor());
                }
                case 7 -> pick(rootCauses.keySet()).ifPresent(rc -> {
                    RootCauseAnalyzed before = rootCauses.get(rc);
                    RootCauseAnalyzed e = new RootCauseAnalyzed(id, rc, dept, before.ordinal(),
                            before.title() + "（改）", "分析" + random.nextInt(99), links());
                    rootCauses.put(rc, e);
                    emit(e, editor());
                });
                case 8, 9 -> propose("m-" + (++measureSeq), measures.size() + 1);
                case 10 -> pick(measures.keySet()).ifPresent(m -> propose(m, measures.get(m).ordinal()));
                case 11 -> emit(new CleanAreasDeclared(id, dept, random.nextBoolean() ? List.of("廉洁自律")
                        : List.of("廉洁自律", "作风建设")), editor());
                case 12 -> emit(new CarryOverStated(id, dept, List.of(new CarryOverStated.Group(
                        "针对学习方面查摆出的" + random.nextInt(5) + "个突出问题", random.nextBoolean() ? "学习" : null,
                        List.of("一是" + random.nextInt(9))))), editor());
                case 13 -> {
                    declared = true;
                    emit(new PersonalMattersDeclared(id, dept, author, 1 + random.nextInt(2), "AES-256-GCM",
                            "bm9uY2U" + random.nextInt(9), "c2VhbGVk" + random.nextInt(99)), author);
                }
                case 14 -> {
                    if (random.nextBoolean()) {
                        delegate();
                    } else {
                        read();
                    }
                }
                default -> {
                    if (!live.isEmpty() && !measures.isEmpty()) {
                        round++;
                        status = "SUBMITTED";
                        emit(new ReportSubmitted(id, dept, editor(), round), editor());
                    } else {
                        identify();
                    }
                }
            }
        }

        private void identify() {
            String theme = THEMES.get(random.nextInt(THEMES.size()));
            int ordinal = 1 + (int) live.values().stream().filter(p -> p.theme().equals(theme))
                    .mapToInt(ProblemIdentified::ordinal).max().orElse(0);
            String p = "p-" + (++problemSeq);
            ProblemIdentified e = new ProblemIdentified(id, p, dept, theme, ordinal, "问题" + problemSeq,
                    random.nextBoolean() ? null : "比如" + problemSeq);
            live.put(p, e);
            emit(e, editor());
        }

        private void propose(String measureId, int ordinal) {
            MeasureProposed e = new MeasureProposed(id, measureId, dept, ordinal, "措施" + measureId,
                    "内容" + random.nextInt(99),
                    List.of(new MeasureProposed.Action("举措" + random.nextInt(9), random.nextBoolean() ? null
                            : "2023-0" + (1 + random.nextInt(9)) + "-30", null)),
                    random.nextBoolean() ? null : "2023-06-30", random.nextBoolean() ? null : "2023年6月底前",
                    random.nextBoolean() ? null : "张三", random.nextBoolean() ? null : dept,
                    random.nextBoolean() ? List.of() : List.of("CZJ"),
                    rootCauses.isEmpty() || random.nextBoolean() ? List.of()
                            : List.of(pick(rootCauses.keySet()).orElseThrow()));
            measures.put(measureId, e);
            emit(e, editor());
        }

        private void accept() {
            status = "ACCEPTED";
            emit(new ReportAccepted(id, dept, author, null, null, "org-2", round,
                    live.values().stream().map(p -> new ReportAccepted.Problem(p.problemId(), p.theme(), p.ordinal(),
                            p.statement())).toList(), List.of()), "org-2");
        }

        private void delegate() {
            String colleague = "liaison-" + random.nextInt(3);
            if (delegates.contains(colleague) && random.nextBoolean()) {
                delegates.remove(colleague);
                emit(new ReportDelegationRevoked(id, dept, author, colleague), author);
            } else if (!delegates.contains(colleague)) {
                delegates.add(colleague);
                emit(new ReportDelegationGranted(id, dept, author, colleague), author);
            }
        }

        private void read() {
            if (declared) {
                String[] roles = {"AUTHOR", "ORG_DEPT", "DISCIPLINE"};
                String role = roles[random.nextInt(roles.length)];
                emit(new PersonalMattersRead(id, dept, author, "AUTHOR".equals(role) ? author : "reader-1", role,
                        random.nextBoolean() ? "VIEW" : "EXPORT"), "reader-1");
            }
        }

        private List<String> links() {
            return live.isEmpty() || random.nextBoolean() ? List.of() : List.of(pick(live.keySet()).orElseThrow());
        }

        private String editor() {
            return delegates.isEmpty() || random.nextBoolean() ? author : delegates.iterator().next();
        }

        private java.util.Optional<String> pick(Set<String> keys) {
            if (keys.isEmpty()) {
                return java.util.Optional.empty();
            }
            return keys.stream().skip(random.nextInt(keys.size())).findFirst();
        }

        private void emit(Object event, String actor) {
            // the aggregate stores a command's events within the same millisecond now and then
            at = at.plusMillis(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(86_400_000))
                    .plusNanos(random.nextInt(3) == 0 ? 1_000L * random.nextInt(1000) : 0);
            long sequence = steps.size();
            steps.add(new Step(event, sequence, id + "-e" + sequence, at, actor));
        }
    }
}
