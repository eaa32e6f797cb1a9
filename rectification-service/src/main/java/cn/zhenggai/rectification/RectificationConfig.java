package cn.zhenggai.rectification;

import cn.zhenggai.rectification.measure.Measure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The service's own beans: the department directory and the clock (China time: deadlines are dates there). */
@Configuration
class RectificationConfig {

    @Bean
    DepartmentDirectory departmentDirectory(@Value("${zhenggai.departments}") String departments) {
        return new DepartmentDirectory(departments);
    }

    @Bean
    Clock clock() {
        return Clock.system(Measure.ZONE);
    }
}
