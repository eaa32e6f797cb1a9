package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a report stated as a whole, each statement replacing the previous one: the areas checked without
 * finding a problem, and how last meeting's measures were carried out. They keep no state the rules need.
 */
final class Statements {

    private Statements() {
    }

    /** The clean areas without blanks or repeats. */
    static CleanAreasDeclared cleanAreas(String reportId, String department, List<String> areas) {
        List<String> clean = new ArrayList<>();
        for (String area : areas == null ? List.<String>of() : areas) {
            String name = Text.require(area, "area", "方面名称不能为空");
            if (!clean.contains(name)) {
                clean.add(name);
            }
        }
        if (clean.size() > Text.MAX_ITEMS) {
            throw Refusal.invalid("TOO_MANY_ITEMS", "条目过多");
        }
        return new CleanAreasDeclared(reportId, department, List.copyOf(clean));
    }

    /** The carry-over, group by group: each with a heading and at least one item. */
    static CarryOverStated carryOver(String reportId, String department, List<Commands.CarryOverGroup> groups) {
        if (groups == null || groups.size() > Text.MAX_ITEMS) {
            throw Refusal.invalid("INVALID_CARRY_OVER", "整改落实情况内容有误");
        }
        List<CarryOverStated.Group> stated = new ArrayList<>();
        for (Commands.CarryOverGroup group : groups) {
            String heading = Text.require(group.heading(), "heading", "整改落实情况的标题不能为空");
            Text.checkLength(group.theme(), "theme");
            List<String> items = group.items() == null ? List.of() : group.items();
            if (items.isEmpty() || items.size() > Text.MAX_ITEMS) {
                throw Refusal.invalid("MISSING_ITEMS", "“" + heading + "”下没有落实情况");
            }
            stated.add(new CarryOverStated.Group(heading, Text.blankToNull(group.theme()),
                    items.stream().map(item -> Text.require(item, "item", "落实情况不能为空")).toList()));
        }
        return new CarryOverStated(reportId, department, List.copyOf(stated));
    }
}
