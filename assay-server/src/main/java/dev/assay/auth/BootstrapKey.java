package dev.assay.auth;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Installs {@code ASSAY_BOOTSTRAP_API_KEY} before the server accepts requests. */
@Component
class BootstrapKey implements SmartInitializingSingleton {
    private final ApiKeyService keys;
    private final String secret;

    BootstrapKey(ApiKeyService keys, @Value("${assay.bootstrap-api-key:}") String secret) {
        this.keys = keys;
        this.secret = secret;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!secret.isBlank()) {
            keys.bootstrap(secret.strip());
        }
    }
}
