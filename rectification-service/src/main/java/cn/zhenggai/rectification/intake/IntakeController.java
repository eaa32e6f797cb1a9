package cn.zhenggai.rectification.intake;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.security.Caller;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/rectification/problems}: problems that reports brought in, scoped to the caller's department. */
@RestController
class IntakeController {

    private final ProblemIntake intake;

    IntakeController(ProblemIntake intake) {
        this.intake = intake;
    }

    @ErrorCodes(badRequest = "MALFORMED_REQUEST", forbidden = "FORBIDDEN_DEPARTMENT")
    @GetMapping("/api/rectification/problems")
    Problems problems(@RequestParam(required = false) String department,
                      @RequestParam(required = false) String reportId,
                      @RequestParam(defaultValue = "200") int limit,
                      Caller caller) {
        String scope = department;
        if (scope == null && !caller.crossDepartment()) {
            scope = caller.department();
        }
        if (scope != null && !caller.canSee(scope)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "无权查看其他部门的数据");
        }
        List<ProblemIntake.Problem> problems = intake.problems(scope, reportId, Math.max(1, Math.min(limit, 1000)));
        return new Problems(scope == null ? "*" : scope, problems.size(), problems);
    }

    /** The intake's problems of a department ({@code *}: every department). */
    record Problems(String department, int count, List<ProblemIntake.Problem> problems) {
    }

    @Configuration
    static class Wiring {
        @Bean
        ProblemIntake problemIntake(MongoDatabase readModels) {
            return new ProblemIntake(readModels);
        }
    }
}
