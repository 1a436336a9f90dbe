package dev.assay.metric;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Installs the built-in metric catalog before the server accepts requests. */
@Component
class BuiltInMetricInstaller implements SmartInitializingSingleton {
    private final MetricService metrics;

    BuiltInMetricInstaller(MetricService metrics) {
        this.metrics = metrics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        metrics.installBuiltIns();
    }
}
