package cn.zhenggai.report.confidential;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.drafting.Commands.Reader;
import cn.zhenggai.report.drafting.Commands.RecordPersonalMattersRead;
import cn.zhenggai.report.viewing.ReportHistory;
import cn.zhenggai.report.viewing.ReportView;
import org.springframework.stereotype.Component;

/**
 * The only way to read a personal matters declaration: the report records the read (refusing whoever may not
 * read it), then the declaration is opened with its person's key.
 */
@Component
public class PersonalMattersAccess {

    /** What was read, by which right. */
    public record Opened(String person, String readAs, PersonalMatters declaration) {
    }

    private final CommandSender commands;
    private final ReportHistory history;
    private final PersonalMattersCipher cipher;

    PersonalMattersAccess(CommandSender commands, ReportHistory history, PersonalMattersCipher cipher) {
        this.commands = commands;
        this.history = history;
        this.cipher = cipher;
    }

    /** @param purpose {@code VIEW} or {@code EXPORT} */
    public Opened read(String reportId, Caller caller, String purpose) {
        CommandSender.checkId(reportId, "REPORT_NOT_FOUND", "报告不存在：");
        String role = commands.send(new RecordPersonalMattersRead(reportId, new Reader(caller.username(),
                caller.hasRole(Role.ORG_DEPT), caller.hasRole(Role.DISCIPLINE)), purpose), caller);
        ReportView report = history.load(reportId);
        PersonalMattersDeclared sealed = report.sealedPersonalMatters();
        if (sealed == null) {
            throw Refusal.notFound("NO_PERSONAL_MATTERS", "该报告没有个人有关事项说明");
        }
        PersonalMatters matters = cipher.open(sealed).orElseThrow(() -> new Refusal(Refusal.Kind.GONE,
                "PERSONAL_MATTERS_SHREDDED", "个人有关事项已按保存期限销毁，无法查阅"));
        return new Opened(report.author, role, matters);
    }
}
