package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.DepartmentRenamed;
import cn.zhenggai.contracts.directory.PasswordReset;
import cn.zhenggai.contracts.directory.RoleGrantApproved;
import cn.zhenggai.contracts.directory.RoleGrantProposed;
import cn.zhenggai.contracts.directory.RoleGrantRejected;
import cn.zhenggai.contracts.directory.RolesGranted;
import cn.zhenggai.contracts.directory.RolesRevoked;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserEnabled;
import cn.zhenggai.contracts.directory.UserLocked;
import cn.zhenggai.contracts.directory.UserMovedDepartment;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.directory.UserRenamed;
import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.PersonalMattersShredded;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import org.axonframework.serialization.Revision;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The registry of published event types: envelope {@code type} name ↔ contract record. */
public final class EventTypes {

    private static final Map<String, Class<?>> BY_NAME = Stream.<Class<?>>of(
                    ReportDrafted.class,
                    ProblemIdentified.class,
                    MeetingConvened.class,
                    MeetingReferenced.class,
                    ProblemRevised.class,
                    ProblemWithdrawn.class,
                    RootCauseAnalyzed.class,
                    CleanAreasDeclared.class,
                    CarryOverStated.class,
                    MeasureProposed.class,
                    PersonalMattersDeclared.class,
                    PersonalMattersRead.class,
                    PersonalMattersShredded.class,
                    ReportSubmitted.class,
                    ReportReturned.class,
                    ReportAccepted.class,
                    ReportDelegationGranted.class,
                    ReportDelegationRevoked.class,
                    ReportSubmissionWithdrawn.class,
                    MeasurePlanned.class,
                    MeasureAssigned.class,
                    ProgressReported.class,
                    MeasureCompleted.class,
                    MeasureVerified.class,
                    MeasureRejected.class,
                    MeasureReopened.class,
                    DeadlineExtensionRequested.class,
                    DeadlineExtended.class,
                    DeadlineExtensionRefused.class,
                    MeasureOverdue.class,
                    MeasureColourChanged.class,
                    SupervisionNoticeIssued.class,
                    MeasureSourceLinked.class,
                    CarryOverPrepared.class,
                    UserRegistered.class,
                    UserRenamed.class,
                    UserMovedDepartment.class,
                    RolesGranted.class,
                    RolesRevoked.class,
                    UserDisabled.class,
                    UserEnabled.class,
                    PasswordReset.class,
                    UserLocked.class,
                    DepartmentRegistered.class,
                    DepartmentRenamed.class,
                    RoleGrantProposed.class,
                    RoleGrantApproved.class,
                    RoleGrantRejected.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<?>> classOf(String typeName) {
        return Optional.ofNullable(typeName).map(BY_NAME::get);
    }

    public static boolean isPublished(Class<?> type) {
        return BY_NAME.get(type.getSimpleName()) == type;
    }

    /** The type name carried in the envelope. */
    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    /** The revision declared by {@code @Revision} on the event class, or {@code "1"} if none. */
    public static String revisionOf(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? "1" : revision.value();
    }

    public static Iterable<Class<?>> all() {
        return BY_NAME.values();
    }
}
