package dev.assay.auth;

import org.springframework.beans.factory.SmartInitializingSingleton;
import dev.assay.common.AssayProperties;
import org.springframework.stereotype.Component;

/** Installs {@code ASSAY_BOOTSTRAP_API_KEY} before the server accepts requests. */
@Component
class BootstrapKey implements SmartInitializingSingleton {
    private final ApiKeyService keys;
    private final String secret;

    BootstrapKey(ApiKeyService keys, AssayProperties properties) {
        this.keys = keys;
        this.secret = properties.bootstrapApiKey();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!secret.isBlank()) {
            keys.bootstrap(secret.strip());
        }
    }
}
