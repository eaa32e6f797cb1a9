package cn.zhenggai.rectification;

import cn.zhenggai.rectification.measure.Measure;
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

    @Bean
    Clock clock() {
        return Clock.system(Measure.ZONE);
    }
}
