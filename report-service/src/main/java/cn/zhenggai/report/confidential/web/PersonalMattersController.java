package cn.zhenggai.report.confidential.web;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.outline.PersonalMatters;
import cn.zhenggai.outline.Property;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.report.confidential.Keyring;
import cn.zhenggai.report.confidential.PersonalKeys;
import cn.zhenggai.report.confidential.PersonalMattersAccess;
import cn.zhenggai.report.confidential.PersonalMattersCipher;
import cn.zhenggai.report.drafting.Commands.DeclarePersonalMatters;
import cn.zhenggai.report.viewing.ReportHistory;
import cn.zhenggai.report.viewing.ReportView;
import cn.zhenggai.report.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The confidential personal matters declaration: declared sealed with the author's key, read only by the author,
 * the organization department and discipline inspection (each read recorded as an event first), shredded by
 * deleting the person's key.
 */
@RestController
class PersonalMattersController {

    private static final Logger log = LoggerFactory.getLogger(PersonalMattersController.class);

    private final CommandSender commands;
    private final ReportHistory history;
    private final PersonalMattersCipher cipher;
    private final PersonalKeys keys;
    private final PersonalMattersAccess access;
    private final TransactionTemplate transactions;

    PersonalMattersController(CommandSender commands, ReportHistory history, PersonalMattersCipher cipher,
                              PersonalKeys keys, PersonalMattersAccess access, PlatformTransactionManager tm) {
        this.transactions = new TransactionTemplate(tm);
        this.commands = commands;
        this.history = history;
        this.cipher = cipher;
        this.keys = keys;
        this.access = access;
    }

    record PropertyRequest(@NotBlank @Size(max = 20) String kind, @Size(max = 200) String location,
                           @Size(max = 20) String areaM2, @Size(max = 20) String priceWan,
                           @Size(max = 20) String loanWan, @Size(max = 20) String monthlyPaymentYuan) {
    }

    record DeclarationRequest(@NotBlank @Size(max = 20000) String text, Boolean secretary, Boolean officialCar,
                              Boolean sideIncome, Boolean travelAbroad, Boolean familyBusiness,
                              @Size(max = 50) List<@Valid PropertyRequest> properties, Boolean stocks,
                              Boolean disciplinaryTalks) {

        PersonalMatters toMatters() {
            return new PersonalMatters(text, secretary, officialCar, sideIncome, travelAbroad, familyBusiness,
                    properties == null ? List.of() : properties.stream().map(p -> new Property(p.kind(),
                            p.location(), p.areaM2(), p.priceWan(), p.loanWan(), p.monthlyPaymentYuan())).toList(),
                    stocks, disciplinaryTalks);
        }
    }

    /** The answer of a declaration. */
    public record Declared(String reportId, boolean personalMattersDeclared) {
    }

    /** The declaration as read: whose it is, by which right it was read ({@code AUTHOR}, {@code ORG_DEPT} ...). */
    public record Declaration(String reportId, String person, String readAs, PersonalMatters declaration) {
    }

    /** The answer of a crypto-shredding: how many keys of the person were deleted. */
    public record Shredded(String person, int keysDeleted) {
    }

    @PutMapping("/api/reports/{reportId}/personal-matters")
    @ErrorCodes(forbidden = {"FORBIDDEN_DEPARTMENT", "PERSONAL_MATTERS_FORBIDDEN"}, notFound = "REPORT_NOT_FOUND",
            conflict = {"REPORT_NOT_EDITABLE", "CONCURRENT_MODIFICATION"})
    Declared declare(@PathVariable String reportId, @Valid @RequestBody DeclarationRequest request,
                     Caller caller) {
        ReportView report = history.load(reportId);
        if (!caller.canSee(report.department)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "不能修改其他部门的报告");
        }
        commands.send(new DeclarePersonalMatters(reportId, cipher.seal(report.author, request.toMatters()),
                Callers.editor(caller)), caller);
        return new Declared(reportId, true);
    }

    @GetMapping("/api/reports/{reportId}/personal-matters")
    @ErrorCodes(forbidden = "PERSONAL_MATTERS_FORBIDDEN", notFound = {"REPORT_NOT_FOUND", "NO_PERSONAL_MATTERS"},
            conflict = "CONCURRENT_MODIFICATION", gone = "PERSONAL_MATTERS_SHREDDED")
    Declaration read(@PathVariable String reportId, Caller caller) {
        PersonalMattersAccess.Opened opened = access.read(reportId, caller, "VIEW");
        return new Declaration(reportId, opened.person(), opened.readAs(), opened.declaration());
    }

    /** Crypto-shredding for retention rules: the person's declarations become unreadable for good. */
    @DeleteMapping("/api/reports/personal-matters-keys/{person}")
    @PreAuthorize("hasRole('ORG_DEPT')")
    @ErrorCodes(badRequest = "VALIDATION_FAILED", forbidden = "FORBIDDEN", notFound = "KEY_NOT_FOUND")
    Shredded shred(@PathVariable String person, Caller caller) {
        if (person == null || person.isBlank() || person.length() > 100) {
            throw Refusal.invalid("VALIDATION_FAILED", "人员标识有误");
        }
        // the keys go and the shredding is recorded in one transaction: both or neither
        Integer deleted = transactions.execute(status -> {
            int n = keys.shred(person);
            if (n == 0) {
                throw Refusal.notFound("KEY_NOT_FOUND", "该人员没有个人有关事项密钥：" + person);
            }
            commands.send(new Keyring.RecordShredding(Keyring.idOf(person), person, n, caller.username(),
                    caller.department()), caller, "KEY_NOT_FOUND", "");
            return n;
        });
        log.info("Personal matters keys of {} shredded by {} ({} key(s))", person, caller.username(), deleted);
        return new Shredded(person, deleted);
    }
}
