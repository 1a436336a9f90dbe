package dev.assay.common;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers {@code Expect: 100-continue} only when the application reads the body, not as
 * soon as the headers arrive: a request {@link BodySizeLimitFilter} refuses by its
 * {@code Content-Length} then gets its 413 before the client sends a byte of the body.
 */
@Configuration(proxyBeanMethods = false)
class ContinueResponseConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> continueOnRead() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
