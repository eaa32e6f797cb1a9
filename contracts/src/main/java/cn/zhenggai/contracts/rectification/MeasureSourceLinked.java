package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * A further source was linked to an existing item: one item can answer several sources (a 民主生活会 measure that
 * also answers a 巡察 finding, or one finding raised by both 巡察 and 审计).
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param source     {@link MeasurePlanned#SOURCE_INSPECTION}, {@link MeasurePlanned#SOURCE_AUDIT} or
 *                   {@link MeasurePlanned#SOURCE_REPORT}
 * @param reference  the source's reference (文号 or batch), or null
 * @param finding    the finding (问题) as the source states it
 */
@Revision("1")
public record MeasureSourceLinked(String measureId, String department, String source, String reference,
                                  String finding) {
}
