package dev.assay.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of an Assay (or Galtea) server. Immutable and thread-safe; close it to release its
 * HTTP connections.
 *
 * <pre>{@code
 * try (AssayClient client = AssayClient.builder().baseUrl("http://localhost:8080").apiKey(key).build()) {
 *     SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(versionId));
 * }
 * }</pre>
 */
public final class AssayClient implements AutoCloseable {
    private final Transport transport;
    private final OrganizationService organizations;
    private final ApiKeyService apiKeys;
    private final ProductService products;
    private final VersionService versions;
    private final SessionService sessions;
    private final InferenceResultService inferenceResults;
    private final MetricService metrics;
    private final SpecificationService specifications;
    private final EvaluationService evaluations;
    private final TestService tests;
    private final TestCaseService testCases;
    private final ComparisonService comparisons;
    private final TraceService traces;
    private final AgreementService agreement;

    private AssayClient(Transport transport) {
        this.transport = transport;
        this.organizations = new OrganizationService(transport);
        this.apiKeys = new ApiKeyService(transport);
        this.products = new ProductService(transport);
        this.versions = new VersionService(transport);
        this.sessions = new SessionService(transport);
        this.inferenceResults = new InferenceResultService(transport);
        this.metrics = new MetricService(transport);
        this.specifications = new SpecificationService(transport);
        this.evaluations = new EvaluationService(transport);
        this.tests = new TestService(transport);
        this.testCases = new TestCaseService(transport);
        this.comparisons = new ComparisonService(transport);
        this.traces = new TraceService(transport);
        this.agreement = new AgreementService(transport);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creating organizations (admin keys of the default organization only). */
    public OrganizationService organizations() {
        return organizations;
    }

    /** The API keys of the caller's organization. */
    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    public ProductService products() {
        return products;
    }

    public VersionService versions() {
        return versions;
    }

    public SessionService sessions() {
        return sessions;
    }

    /** Conversation turns ({@code galtea.inference_results} in the Python SDK). */
    public InferenceResultService inferenceResults() {
        return inferenceResults;
    }

    /** Galtea's built-in metrics and the organization's own. */
    public MetricService metrics() {
        return metrics;
    }

    public SpecificationService specifications() {
        return specifications;
    }

    /** Evaluations and the human annotation queue. */
    public EvaluationService evaluations() {
        return evaluations;
    }

    /** Tests, the data sets of test cases ({@code galtea.tests} in the Python SDK). */
    public TestService tests() {
        return tests;
    }

    /** Test cases of tests ({@code galtea.test_cases} in the Python SDK). */
    public TestCaseService testCases() {
        return testCases;
    }

    /** Comparing two versions metric by metric, with significance. */
    public ComparisonService comparisons() {
        return comparisons;
    }

    /** Spans, the steps inside a turn ({@code galtea.spans} in the Python SDK; wire path {@code /traces}). */
    public TraceService traces() {
        return traces;
    }

    /** Agreement between machine scores and human scores: calibrating a judge. */
    public AgreementService agreement() {
        return agreement;
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds an {@link AssayClient}; the base URL and the API key are required. */
    public static final class Builder {
        private @Nullable URI baseUrl;
        private @Nullable String apiKey;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {}

        /** The server's root URL, for example {@code http://localhost:8080}. */
        public Builder baseUrl(String url) {
            String normalized = url.endsWith("/") ? url : url + "/";
            this.baseUrl = URI.create(normalized);
            return this;
        }

        /** A {@code gsk_...} key (or a legacy {@code gsk-...} key). */
        public Builder apiKey(String key) {
            this.apiKey = requireNonNull(key, "key");
            return this;
        }

        /** The timeout of each request; 30 seconds by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = requireNonNull(timeout, "timeout");
            return this;
        }

        public AssayClient build() {
            requireNonNull(baseUrl, "baseUrl is required");
            requireNonNull(apiKey, "apiKey is required");
            JsonMapper json = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            return new AssayClient(new Transport(http, json, baseUrl, apiKey, timeout));
        }
    }
}
