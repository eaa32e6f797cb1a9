package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * Someone read (or tried to read) a report's personal matters declaration. Every read is recorded.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param person     whose declaration it is
 * @param reader     user name of the reader
 * @param readerRole the role that entitled the reader: {@link ReaderRole}
 * @param purpose    what the reading was for ({@link ReadPurpose})
 */
@Revision("1")
public record PersonalMattersRead(String reportId,
                                  String department,
                                  String person,
                                  String reader,
                                  ReaderRole readerRole,
                                  ReadPurpose purpose) {

    /** The event with its role and purpose by name; an unknown name is refused. */
    public PersonalMattersRead(String reportId, String department, String person, String reader, String readerRole,
                               String purpose) {
        this(reportId, department, person, reader, ReaderRole.valueOf(readerRole), ReadPurpose.valueOf(purpose));
    }
}
