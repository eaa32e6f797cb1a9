package cn.zhenggai.outline;

/**
 * The carry-over's summary sentence as numbers, e.g. 上年度查摆的问题共12个，目前已整改完成10个，需长期坚持2个.
 *
 * @param problems  the problems found last time, or null when the sentence does not say
 * @param completed how many are completed, or null
 * @param longTerm  how many need long-term effort, or null
 */
public record CarryOverSummary(Integer problems, Integer completed, Integer longTerm) {
}
