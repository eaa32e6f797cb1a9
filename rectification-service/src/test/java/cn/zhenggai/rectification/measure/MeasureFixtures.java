package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.PlanMeasure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Shared givens of the item tests. */
final class MeasureFixtures {

    static final String ID = "mea-1";
    static final Departments DEPARTMENTS = Set.of("XZSPJ", "ZZB", "CZJ", "DW")::contains;

    static final Actor LIAISON = new Actor("demo-dept", "XZSPJ", true, false);
    static final Actor HEAD = new Actor("head-xzspj", "XZSPJ", true, false);
    static final Actor OTHER_DEPT = new Actor("czj-liaison", "CZJ", true, false);
    static final Actor PARTY = new Actor("demo-party", "DW", false, true);
    static final Actor PARTY_2 = new Actor("party-2", "DW", false, true);
    /** The organization department: reads every department, keeps no ledger. */
    static final Actor ORG = new Actor("demo-org", "ZZB", false, false, true);
    /** A party committee member who also keeps XZSPJ's ledger. */
    static final Actor PARTY_LIAISON = new Actor("dual", "XZSPJ", true, true);

    static final LocalDate TODAY = LocalDate.parse("2023-05-01");
    static final LocalDate DEADLINE = LocalDate.parse("2023-06-30");

    static final MeasurePlanned.Problem PROBLEM = new MeasurePlanned.Problem("prb-1", "带头深刻领悟“两个确立”的决定性意义",
            1, "理论学习的系统性还不够。");
    static final MeasurePlanned.Action ACTION = new MeasurePlanned.Action("每月开展一次理论学习。", "2023-06-30",
            "2023年6月底前");

    static final PlanMeasure PLAN = new PlanMeasure(ID, "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2022, 1,
            "强化理论武装建设，增强学习意识", "认认真真读原著、学原文、悟原理。", List.of(ACTION), "2023-06-30", "2023年6月底前",
            "张*", null, List.of("ZZB"), List.of("rc-1"), List.of(PROBLEM));
    static final MeasurePlanned PLANNED = new MeasurePlanned(ID, "XZSPJ", MeasurePlanned.SOURCE_REPORT, "rpt-1",
            "msr-1", "XZSPJ", "demo-dept", 2022, 1, "强化理论武装建设，增强学习意识", "认认真真读原著、学原文、悟原理。",
            List.of(ACTION), "2023-06-30", "2023年6月底前", "张*", null, List.of("ZZB"), List.of("rc-1"),
            List.of(PROBLEM));

    static final AssignMeasure ASSIGN = new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE, false,
            null, TODAY, LIAISON);
    static final MeasureAssigned ASSIGNED = new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*",
            "2023-06-30", false, null, "demo-dept");
    static final MeasureCompleted COMPLETED = new MeasureCompleted(ID, "XZSPJ", "全年开展理论学习12次。", "demo-dept",
            "2023-06-30", false);

    private MeasureFixtures() {
    }
}
