package cn.zhenggai.rectification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** rectification-service: measures from accepted reports to verified closure. */
@SpringBootApplication
public class RectificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RectificationServiceApplication.class, args);
    }
}
