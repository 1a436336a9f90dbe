package io.opentelemetry.exporter.otlp.http.trace;

import io.opentelemetry.exporter.internal.http.HttpExporterBuilder;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.common.internal.StandardComponentId;

/**
 * The OpenTelemetry SDK's own OTLP/HTTP span exporter switched to the JSON encoding. The SDK
 * implements OTLP/JSON but exposes the switch only inside this package, so the tests reach it
 * here instead of writing OTLP JSON by hand.
 */
public final class OtlpJsonExporters {

    private OtlpJsonExporters() {}

    public static OtlpHttpSpanExporterBuilder builder() {
        return new OtlpHttpSpanExporterBuilder(
                new HttpExporterBuilder(StandardComponentId.ExporterType.OTLP_HTTP_SPAN_EXPORTER,
                        "http://localhost:4318/v1/traces").exportAsJson(),
                MemoryMode.IMMUTABLE_DATA);
    }
}
