package cn.zhenggai.report.drafting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Write a problem found in self-examination into a report. */
public record IdentifyProblem(@TargetAggregateIdentifier String reportId,
                              String problemId,
                              String theme,
                              int ordinal,
                              String statement,
                              String example,
                              Editor editor) {
}
