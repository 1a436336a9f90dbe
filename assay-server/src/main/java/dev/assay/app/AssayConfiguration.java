package dev.assay.app;

import java.time.Clock;
import dev.assay.common.AssayProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that belong to no feature. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssayProperties.class)
class AssayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
