package dev.assay.specification;

import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.RawResponses.assertStatus;

import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Raw-request helpers and factories shared by the specification integration tests. */
abstract class SpecificationApiTest extends ApiIntegrationTest {
    static final String UNKNOWN_ID = "specification_aaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String UNKNOWN_METRIC_ID = "metric_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    SpecificationResponse policy(ProductResponse product, String testType) {
        return client.specifications().create(new CreateSpecificationRequest(product.id(), "policy " + testType, "POLICY",
                testType, variantOf(testType), null, null));
    }

    /** A variant the contract requires for ACCURACY and SECURITY policies; none for the others. */
    static @Nullable String variantOf(String testType) {
        return switch (testType.toUpperCase(Locale.ROOT)) {
            case "ACCURACY", "QUALITY" -> "rag";
            case "SECURITY", "RED_TEAMING" -> "toxicity";
            default -> null;
        };
    }

    List<SpecificationResponse> specificationsOf(ProductResponse product) {
        return client.specifications().list(ListOptions.none().filter("productIds", product.id()));
    }

    HttpResponse<String> post(String body) {
        return raw("POST", "/specifications", body, tenant.apiKey());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return raw("GET", pathAndQuery, null, tenant.apiKey());
    }

    HttpResponse<String> link(String method, SpecificationResponse spec, String... metricIds) {
        return raw(method, "/specifications/" + spec.id() + "/metrics",
                "{\"metricIds\":[" + String.join(",", Arrays.stream(metricIds).map(id -> "\"" + id + "\"").toList())
                        + "]}",
                tenant.apiKey());
    }

    /** The ids of {@code GET /specifications?<query>}, which must answer 200, in order. */
    List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        assertStatus(get("/specifications?" + query), 200).values().forEach(row -> ids.add(row.get("id").stringValue()));
        return ids;
    }

    /** A specification of the same product created strictly later than {@code previous}. */
    SpecificationResponse laterThan(SpecificationResponse previous) {
        while (true) {
            SpecificationResponse created = aSpecification(client, previous.productId());
            if (Instant.parse(created.createdAt()).isAfter(Instant.parse(previous.createdAt()))) {
                return created;
            }
            client.specifications().delete(created.id());
        }
    }
}
