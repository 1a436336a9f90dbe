package dev.assay.judge;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the judge scorer, with a client of the configured endpoint or, without one, none. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JudgeProperties.class)
class JudgeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(JudgeConfiguration.class);

    @Bean
    JudgeScorer judgeScorer(JudgeProperties properties, Clock clock) {
        if (!properties.isConfigured()) {
            log.info("No LLM judge configured (ASSAY_JUDGE_BASE_URL): evaluations of judge metrics end SKIPPED and can be retried");
            return new JudgeScorer(properties, null);
        }
        log.info("LLM judge: {} with model {}, {} calls at once, timeout {}, {} retries", properties.baseUrl(),
                properties.model(), properties.maxConcurrency(), properties.timeout(), properties.maxRetries());
        return new JudgeScorer(properties, JudgeClient.create(properties, clock, Sleeper.REAL,
                () -> ThreadLocalRandom.current().nextDouble()));
    }
}
