package cn.zhenggai.report;

import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.platform.axon.CommandSender;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** report-service: meetings and reports (speech outlines). */
@SpringBootApplication
public class ReportServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportServiceApplication.class, args);
    }

    /** Commands to reports unless told otherwise: an unknown report is REPORT_NOT_FOUND. */
    @Bean
    CommandSender commandSender(CommandDispatcher commands) {
        return new CommandSender(commands, "REPORT_NOT_FOUND", "报告不存在：");
    }
}
