package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.SupervisionLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * When an item's deadline raises its warnings and supervision notices (ADR 0031). All times are the start of a day
 * in China, counted from the deadline date:
 * <ul>
 *   <li>YELLOW at {@code yellowDaysBefore} days before the deadline;</li>
 *   <li>RED {@code redDaysAfter} days after the item became overdue (0: the day after the deadline, when it does);</li>
 *   <li>supervision notices (督办) to the owner, the department head and the party committee at
 *       {@code escalationDays[0..2]} days after the item became overdue.</li>
 * </ul>
 *
 * @param yellowDaysBefore days before the deadline the warning turns yellow (0–365)
 * @param redDaysAfter     days after becoming overdue it turns red (0–365)
 * @param escalationDays   three non-decreasing day counts after becoming overdue: owner, department head, party
 */
public record SupervisionSchedule(int yellowDaysBefore, int redDaysAfter, List<Integer> escalationDays) {

    /** The notice levels in escalation order. */
    static final List<String> LEVELS = SupervisionLevel.ESCALATION.stream().map(Enum::name).toList();

    /** 7 days of yellow, red when overdue, notices at 0, 7 and 14 days overdue. */
    public static final SupervisionSchedule DEFAULT = new SupervisionSchedule(7, 0, List.of(0, 7, 14));

    public SupervisionSchedule {
        if (yellowDaysBefore < 0 || yellowDaysBefore > 365 || redDaysAfter < 0 || redDaysAfter > 365) {
            throw new IllegalArgumentException("yellow-days-before and red-days-after must be 0..365");
        }
        if (escalationDays == null || escalationDays.size() != LEVELS.size()) {
            throw new IllegalArgumentException("escalation-days needs three values (owner, head, party committee)");
        }
        int previous = 0;
        for (Integer days : escalationDays) {
            if (days == null || days < previous || days > 365) {
                throw new IllegalArgumentException("escalation-days must be non-decreasing values in 0..365: "
                        + escalationDays);
            }
            previous = days;
        }
        escalationDays = List.copyOf(escalationDays);
    }

    /** A point in time at which {@code name} (YELLOW, RED or a notice level) is due. */
    record Checkpoint(String name, Instant at) {
    }

    /** Every checkpoint of {@code deadline}, in time order (yellow, red, then notices when they fall together). */
    List<Checkpoint> checkpoints(LocalDate deadline) {
        java.util.List<Checkpoint> all = new java.util.ArrayList<>();
        all.add(new Checkpoint("YELLOW", yellowAt(deadline)));
        all.add(new Checkpoint("RED", redAt(deadline)));
        for (int step = 0; step < LEVELS.size(); step++) {
            all.add(new Checkpoint(LEVELS.get(step), escalationAt(deadline, step)));
        }
        all.sort(java.util.Comparator.comparing(Checkpoint::at)); // stable: ties keep the order above
        return List.copyOf(all);
    }

    /** The checkpoint after {@code name} for {@code deadline}, if any. */
    java.util.Optional<Checkpoint> after(LocalDate deadline, String name) {
        List<Checkpoint> all = checkpoints(deadline);
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i).name().equals(name)) {
                return java.util.Optional.of(all.get(i + 1));
            }
        }
        return java.util.Optional.empty();
    }

    /** Days past the deadline date when notice {@code level} is due (the day after the deadline is 1). */
    int daysOverdueAt(String level) {
        return escalationDays.get(LEVELS.indexOf(level)) + 1;
    }

    Instant yellowAt(LocalDate deadline) {
        return deadline.minusDays(yellowDaysBefore).atStartOfDay(Measure.ZONE).toInstant();
    }

    Instant redAt(LocalDate deadline) {
        return overdueDay(deadline, redDaysAfter);
    }

    Instant escalationAt(LocalDate deadline, int step) {
        return overdueDay(deadline, escalationDays.get(step));
    }

    private static Instant overdueDay(LocalDate deadline, int daysAfter) {
        return deadline.plusDays(1L + daysAfter).atStartOfDay(Measure.ZONE).toInstant();
    }
}
