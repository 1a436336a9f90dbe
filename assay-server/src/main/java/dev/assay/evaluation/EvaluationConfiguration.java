package dev.assay.evaluation;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java runner with every {@link Scorer} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerProperties.class, RetryProperties.class})
class EvaluationConfiguration {

    @Bean
    EvaluationRunner evaluationRunner(List<Scorer> scorers) {
        return new EvaluationRunner(scorers);
    }
}
