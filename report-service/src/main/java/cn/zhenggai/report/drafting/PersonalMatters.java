package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ReadPurpose;
import cn.zhenggai.contracts.report.ReaderRole;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The personal matters declaration of a report (an aggregate member): accepted only sealed with the author's key
 * (the report never sees the plain text), and read only by the author, 组织部 and 纪检监察, each read recorded.
 */
final class PersonalMatters {

    static final String AES_GCM = "AES-256-GCM";

    private boolean declared;

    /** The author's sealed declaration; refused unless sealed (AES-256-GCM) with the author's own key. */
    static PersonalMattersDeclared declare(String reportId, String department, String author,
                                           Commands.SealedMatters sealed) {
        if (sealed == null || !AES_GCM.equals(sealed.algorithm()) || Text.blankToNull(sealed.nonce()) == null
                || Text.blankToNull(sealed.ciphertext()) == null) {
            throw Refusal.invalid("NOT_SEALED", "个人有关事项必须加密保存");
        }
        if (!author.equals(sealed.person())) {
            throw Refusal.invalid("WRONG_KEY", "个人有关事项须以报告本人的密钥加密");
        }
        return new PersonalMattersDeclared(reportId, department, author, sealed.keyVersion(), sealed.algorithm(),
                sealed.nonce(), sealed.ciphertext());
    }

    /** A read by someone entitled (the event names the role that entitles them); refused for anyone else. */
    PersonalMattersRead read(String reportId, String department, String author, Commands.Reader reader,
                             String purpose) {
        ReaderRole role = author.equals(reader.username()) ? ReaderRole.AUTHOR
                : reader.orgDept() ? ReaderRole.ORG_DEPT : reader.discipline() ? ReaderRole.DISCIPLINE : null;
        if (role == null) {
            throw Refusal.forbidden("PERSONAL_MATTERS_FORBIDDEN", "个人有关事项仅限本人、组织部和纪检监察查阅");
        }
        if (!declared) {
            throw Refusal.notFound("NO_PERSONAL_MATTERS", "该报告没有个人有关事项说明");
        }
        return new PersonalMattersRead(reportId, department, author, reader.username(), role,
                ReadPurpose.EXPORT.name().equals(purpose) ? ReadPurpose.EXPORT : ReadPurpose.VIEW);
    }

    @EventSourcingHandler
    void on(PersonalMattersDeclared event) {
        declared = true;
    }
}
