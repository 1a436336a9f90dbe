package dev.assay.app;

import dev.assay.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The caller comes from the Authorization header, not from a query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI assayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Assay")
                        .description("Self-hosted LLM evaluation server, wire-compatible with Galtea's REST API")
                        .version("0.1.0"))
                .components(new Components().addSecuritySchemes("bearerAuth", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("Authorization: Bearer gsk_... (legacy gsk-... accepted)")))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }
}
