package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * Someone read (or tried to read) a report's personal matters declaration. Every read is recorded.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param person     whose declaration it is
 * @param reader     user name of the reader
 * @param readerRole the role that entitled the reader: {@code AUTHOR}, {@code ORG_DEPT} or {@code DISCIPLINE}
 * @param purpose    what the reading was for ({@code VIEW} or {@code EXPORT})
 */
@Revision("1")
public record PersonalMattersRead(String reportId,
                                  String department,
                                  String person,
                                  String reader,
                                  String readerRole,
                                  String purpose) {
}
