package cn.zhenggai.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the tests' clock in place of the system clock. */
@TestConfiguration
class TestClockConfig {

    @Bean
    @Primary
    GatewayHttpTest.TestClock testClock() {
        return new GatewayHttpTest.TestClock();
    }
}
