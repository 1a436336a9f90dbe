package dev.assay.app;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that belong to no feature. */
@Configuration(proxyBeanMethods = false)
class AssayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
