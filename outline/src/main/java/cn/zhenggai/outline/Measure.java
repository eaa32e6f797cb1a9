package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * A rectification measure (整改措施) with its concrete actions.
 *
 * @param title                  its first sentence, e.g. {@code 强化理论武装建设，增强学习意识}
 * @param content                the rest of the text, actions included
 * @param deadline               the measure's deadline: an explicit 完成时限 of the measure, else a
 *                               deadline written outside its actions, else the latest action
 *                               deadline; null when none is written
 * @param actions                the enumerated actions (一是…, 1., (1)…), each with its own deadline
 * @param deadlineText           the deadline as written (e.g. {@code 2024年6月底前}, {@code 长期坚持}),
 *                               or null
 * @param leadDepartment         牵头/责任单位, or null
 * @param cooperatingDepartments 配合/协办单位
 * @param owner                  责任人, or null
 */
@JsonPropertyOrder({"title", "content", "deadline", "actions", "deadlineText", "leadDepartment",
        "cooperatingDepartments", "owner"})
public record Measure(
        String title,
        String content,
        LocalDate deadline,
        List<Action> actions,
        String deadlineText,
        String leadDepartment,
        List<String> cooperatingDepartments,
        String owner) {

    public Measure {
        actions = List.copyOf(actions);
        cooperatingDepartments = List.copyOf(cooperatingDepartments);
    }
}
