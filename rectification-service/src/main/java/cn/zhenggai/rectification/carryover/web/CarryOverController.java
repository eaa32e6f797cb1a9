package cn.zhenggai.rectification.carryover.web;

import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.rectification.carryover.CarryOverGenerator;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/rectification/carry-over?author=&year=}: a preview of the carry-over section the cadre's report
 * of {@code year} would get. The cadre themself, cross-department roles, and department staff of the department
 * whose reports the items came from may preview it.
 */
@RestController
class CarryOverController {

    private final CarryOverGenerator generator;

    CarryOverController(CarryOverGenerator generator) {
        this.generator = generator;
    }

    @ErrorCodes(badRequest = {"INVALID_AUTHOR", "MISSING_YEAR", "INVALID_YEAR"}, forbidden = "FORBIDDEN_DEPARTMENT")
    @GetMapping("/api/rectification/carry-over")
    Preview preview(@RequestParam(required = false) String author,
                    @RequestParam(required = false) String year, Caller caller) {
        String who = author == null || author.isBlank() ? caller.username() : author.strip();
        if (who.length() > 100) {
            throw Refusal.invalid("INVALID_AUTHOR", "干部用户名过长");
        }
        int meetingYear = year(year);
        CarryOverGenerator.Draft draft = generator.generate(who, meetingYear).orElse(null);
        if (draft != null && !who.equals(caller.username()) && !caller.crossDepartment()
                && !generator.departmentsOf(draft.measureIds()).stream().allMatch(caller::canSee)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "无权查看其他部门干部的整改落实情况");
        }
        return draft == null ? new Preview(who, meetingYear, null, List.of(), List.of())
                : new Preview(who, meetingYear, draft.previousYear(), draft.groups(), draft.measureIds());
    }

    /**
     * The carry-over a cadre's report of {@code year} would state: the year of the items it reports on (null when
     * there are none), its groups and the items.
     */
    record Preview(String author, int year, Integer previousYear, List<CarryOverPrepared.Group> groups,
                   List<String> measureIds) {
    }

    private static int year(String year) {
        if (year == null || year.isBlank()) {
            throw Refusal.invalid("MISSING_YEAR", "请指定民主生活会年度");
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw Refusal.invalid("INVALID_YEAR", "年度应为2000至2100之间的整数：" + year);
    }

    @Configuration
    static class Wiring {
        @Bean
        CarryOverGenerator carryOverGenerator(MongoDatabase readModels) {
            return new CarryOverGenerator(readModels);
        }
    }
}
