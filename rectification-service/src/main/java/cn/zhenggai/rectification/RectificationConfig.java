package cn.zhenggai.rectification;

import cn.zhenggai.platform.axon.CommandDispatcher;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.rectification.measure.Measure;
import cn.zhenggai.rectification.scope.ItemScope;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The service's own beans: the department directory (seed list plus what the directory's events taught it) and the clock (China time: deadlines are dates there). */
@Configuration
class RectificationConfig {

    @Bean
    DepartmentDirectory departmentDirectory(@Value("${zhenggai.departments}") String departments,
                                            MongoDatabase database) {
        return new DepartmentDirectory(departments, database);
    }

    /** Commands to items; an unknown item is answered in the same words as one the caller does not see (ADR 0072). */
    @Bean
    CommandSender commandSender(CommandDispatcher commands) {
        return new CommandSender(commands, ItemScope.NOT_FOUND_CODE, ItemScope.NOT_FOUND_MESSAGE);
    }

    @Bean
    Clock clock() {
        return Clock.system(Measure.ZONE);
    }
}
