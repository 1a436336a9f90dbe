package dev.assay.common;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Makes Tomcat's own error responses use the API's error body too (see {@link ContainerErrorValve}). */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

    @Bean
    ContainerErrorBodies containerErrorBodies(JsonMapper json) {
        return new ContainerErrorBodies(json);
    }

    /**
     * Runs after Spring Boot's own Tomcat customizer, so the JSON valve sits inside Boot's HTML
     * error valve on the host pipeline and reports first; Tomcat reports an error only once.
     */
    static final class ContainerErrorBodies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        private final JsonMapper json;

        ContainerErrorBodies(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ContainerErrorValve(json)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
