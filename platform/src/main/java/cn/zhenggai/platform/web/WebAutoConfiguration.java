package cn.zhenggai.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Uniform error answers for every service. */
@AutoConfiguration
@Import(ApiExceptionHandler.class)
public class WebAutoConfiguration {
}
