package dev.assay.cli;

import dev.assay.api.CreateEvaluationsFromInferenceResultRequest;
import dev.assay.api.CreateEvaluationsFromSessionRequest;
import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.CreateTraceBatchRequest;
import dev.assay.api.CreateTraceRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.HumanScoreRequest;
import dev.assay.api.MetricIdsRequest;
import dev.assay.api.DeleteBatchRequest;
import dev.assay.api.RetryEvaluationsRequest;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Every operation of the REST API as {@code assay <noun> <verb>}: one row each, with the request
 * fields that become flags and the SDK call that performs it (docs/cli.md#commands).
 */
final class ApiCommands {
    /** How a flag's text becomes a JSON value of the request body. */
    enum Kind {
        STRING, INT, NUMBER, BOOLEAN, LIST, JSON, STRING_OR_JSON
    }

    /** One request field: {@code productId} becomes {@code --product-id}. */
    record Field(String name, Kind kind) {}

    /** The SDK call of an operation that is not a paged list. */
    interface Invoke {
        @Nullable
        Object call(AssayClient client, Call call);
    }

    /** One operation: a verb of a noun. */
    record Operation(
            String noun,
            String verb,
            String description,
            @Nullable String idLabel,
            List<Field> fields,
            List<String> arrayFilters,
            List<String> valueFilters,
            @Nullable BiFunction<AssayClient, ListOptions, List<?>> list,
            @Nullable Invoke invoke) {

        boolean paged() {
            return list != null;
        }
    }

    /** What each noun is, for {@code assay --help}. */
    static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("organizations", "Organizations (admin keys of the default organization)."),
            Map.entry("api-keys", "The API keys of your organization."),
            Map.entry("products", "Products."),
            Map.entry("versions", "Versions of products."),
            Map.entry("sessions", "Sessions: one conversation each."),
            Map.entry("inference-results", "Turns of sessions (inference results)."),
            Map.entry("tests", "Tests: data sets of test cases."),
            Map.entry("test-cases", "Test cases of tests."),
            Map.entry("metrics", "Built-in metrics and your organization's."),
            Map.entry("specifications", "Specifications of products and their metrics."),
            Map.entry("evaluations", "Evaluations and the human annotation queue."),
            Map.entry("traces", "Spans: the steps inside a turn."),
            Map.entry("comparisons", "Comparisons of two versions, metric by metric."),
            Map.entry("agreement", "Agreement of machine scores with human reviews (judge calibration)."));

    /** The table columns of each noun; {@code -o json} and CSV always carry every field. */
    static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("organizations", List.of("id", "name", "apiKey", "createdAt")),
            Map.entry("api-keys", List.of("id", "name", "hint", "admin", "key", "createdAt")),
            Map.entry("products", List.of("id", "name", "description", "createdAt")),
            Map.entry("versions", List.of("id", "productId", "name", "modelId", "createdAt")),
            Map.entry("sessions", List.of("id", "versionId", "customId", "status", "testCaseId", "createdAt")),
            Map.entry("inference-results", List.of("id", "sessionId", "index", "status", "input", "actualOutput", "createdAt")),
            Map.entry("tests", List.of("id", "productId", "name", "type", "status", "createdAt")),
            Map.entry("test-cases", List.of("id", "testId", "input", "expectedOutput", "variant", "createdAt")),
            Map.entry("metrics", List.of("id", "name", "source", "organizationId", "createdAt")),
            Map.entry("specifications", List.of("id", "productId", "type", "name", "description", "createdAt")),
            Map.entry("traces", List.of("id", "inferenceResultId", "parentTraceId", "name", "type", "latencyMs", "startTime")),
            Map.entry("agreement", List.of("evaluationId", "metricId", "machineScore", "humanScore", "absoluteError", "humanReason")),
            Map.entry("comparisons", List.of("metricId", "testCaseId", "baseScore", "candidateScore", "delta", "candidateReason")),
            Map.entry("evaluations", List.of("id", "metricId", "sessionId", "status", "score", "reason", "createdAt")));

    private ApiCommands() {}

    /** Every operation, in the order {@code --help} lists them. */
    static List<Operation> all() {
        List<Operation> ops = new ArrayList<>();

        ops.add(op("organizations", "create", "Create an organization (admin keys of the default organization); prints its admin key once")
                .fields(s("name"))
                .run((c, x) -> c.organizations().create(x.required("name"))));

        ops.add(op("api-keys", "create", "Create an API key of your organization; prints the key once")
                .fields(s("name"))
                .run((c, x) -> c.apiKeys().create(x.required("name"))));
        ops.add(op("api-keys", "list", "List your organization's live API keys (without secrets)").run((c, x) -> c.apiKeys().list()));
        ops.add(op("api-keys", "delete", "Revoke an API key").id("apiKeyId").run((c, x) -> {
            c.apiKeys().delete(x.id());
            return null;
        }));

        ops.add(op("products", "create", "Create a product")
                .fields(s("name"), s("description"), s("riskLevel"), s("operatorType"), s("securityBoundaries"),
                        s("capabilities"), s("policies"), s("inabilities"))
                .run((c, x) -> c.products().create(x.body(CreateProductRequest.class))));
        ops.add(op("products", "get", "Get a product").id("productId").run((c, x) -> c.products().get(x.id())));
        ops.add(op("products", "list", "List products").arrays("ids", "names").list((c, o) -> c.products().list(o)));
        ops.add(op("products", "delete", "Delete a product and its versions").id("productId").run((c, x) -> {
            c.products().delete(x.id());
            return null;
        }));

        ops.add(op("versions", "create", "Create a version of a product")
                .fields(s("productId"), s("name"), s("description"), s("systemPrompt"), s("modelId"),
                        s("datasetDescription"), s("datasetUri"), s("endpoint"), s("guardrails"))
                .run((c, x) -> c.versions().create(x.body(CreateVersionRequest.class))));
        ops.add(op("versions", "get", "Get a version").id("versionId").run((c, x) -> c.versions().get(x.id())));
        ops.add(op("versions", "list", "List versions").arrays("ids", "productIds", "names").list((c, o) -> c.versions().list(o)));
        ops.add(op("versions", "delete", "Delete a version").id("versionId").run((c, x) -> {
            c.versions().delete(x.id());
            return null;
        }));

        ops.add(op("sessions", "create", "Create a session of a version (or of a product's latest version)")
                .fields(s("versionId"), s("productId"), s("customId"), s("testCaseId"), f("isProduction", Kind.BOOLEAN),
                        s("context"), f("metadata", Kind.JSON), s("status"))
                .run((c, x) -> c.sessions().create(x.body(CreateSessionRequest.class))));
        ops.add(op("sessions", "get", "Get a session").id("sessionId").run((c, x) -> c.sessions().get(x.id())));
        ops.add(op("sessions", "list", "List sessions")
                .arrays("ids", "customIds", "versionIds", "productIds", "testCaseIds", "testIds", "excludeTestIds")
                .list((c, o) -> c.sessions().list(o)));
        ops.add(op("sessions", "update", "Change a session's fields; fields set to null in --data are cleared").id("sessionId")
                .fields(s("customId"), s("status"), s("context"), s("stoppingReason"), f("metadata", Kind.JSON), s("error"))
                .run((c, x) -> c.sessions().update(x.id(), Updates.session(x.body(), x.context()))));
        ops.add(op("sessions", "finish", "End a session: --stopping-reason (COMPLETED) or --error (FAILED)").id("sessionId")
                .fields(s("stoppingReason"), s("error"))
                .run((c, x) -> c.sessions().finish(x.id(), x.body(FinishSessionRequest.class))));
        ops.add(op("sessions", "delete", "Delete a session and its turns").id("sessionId").run((c, x) -> {
            c.sessions().delete(x.id());
            return null;
        }));

        ops.add(op("inference-results", "create", "Log one turn")
                .fields(s("sessionId"), s("sessionCustomId"), s("versionId"), s("productId"), s("userId"), f("index", Kind.INT),
                        s("status"), s("error"), f("input", Kind.STRING_OR_JSON), s("actualOutput"), s("retrievalContext"),
                        f("latency", Kind.NUMBER), f("inputTokens", Kind.INT), f("outputTokens", Kind.INT),
                        f("cacheReadInputTokens", Kind.INT), f("tokens", Kind.INT), f("costPerInputToken", Kind.NUMBER),
                        f("costPerOutputToken", Kind.NUMBER), f("costPerCacheReadInputToken", Kind.NUMBER),
                        f("cost", Kind.NUMBER), s("conversationSimulatorVersion"))
                .run((c, x) -> c.inferenceResults().create(x.body(CreateInferenceResultRequest.class))));
        ops.add(op("inference-results", "create-batch", "Log a session's messages as turns, all or nothing")
                .fields(s("sessionId"), s("sessionCustomId"), s("versionId"), s("productId"),
                        f("conversationTurns", Kind.JSON), s("conversationSimulatorVersion"))
                .run((c, x) -> c.inferenceResults().createBatch(x.body(CreateInferenceResultBatchRequest.class))));
        ops.add(op("inference-results", "get", "Get a turn").id("inferenceResultId").run((c, x) -> c.inferenceResults().get(x.id())));
        ops.add(op("inference-results", "list", "List turns").arrays("ids", "sessionIds", "evaluationIds")
                .list((c, o) -> c.inferenceResults().list(o)));
        ops.add(op("inference-results", "update", "Change a turn's fields; fields set to null in --data are cleared")
                .id("inferenceResultId")
                .fields(s("status"), s("error"), f("input", Kind.STRING_OR_JSON), s("actualOutput"), s("retrievalContext"),
                        f("latency", Kind.NUMBER), f("inputTokens", Kind.INT), f("outputTokens", Kind.INT),
                        f("cacheReadInputTokens", Kind.INT), f("tokens", Kind.INT), f("costPerInputToken", Kind.NUMBER),
                        f("costPerOutputToken", Kind.NUMBER), f("costPerCacheReadInputToken", Kind.NUMBER), f("cost", Kind.NUMBER))
                .run((c, x) -> c.inferenceResults().update(x.id(), Updates.inferenceResult(x.body(), x.context()))));
        ops.add(op("inference-results", "delete", "Delete a turn").id("inferenceResultId").run((c, x) -> {
            c.inferenceResults().delete(x.id());
            return null;
        }));
        ops.add(op("inference-results", "delete-batch", "Delete turns, all or none").fields(f("ids", Kind.LIST)).run((c, x) -> {
            c.inferenceResults().deleteBatch(x.requireList(x.body(DeleteBatchRequest.class).ids(), "ids"));
            return null;
        }));

        ops.add(op("tests", "create", "Create a test (a data set of test cases) of a product")
                .fields(s("productId"), s("name"), s("type"), s("languageCode"), s("groundTruthUri"), s("fewShot"),
                        s("customUserPersona"), f("variants", Kind.LIST), f("strategies", Kind.LIST),
                        s("customVariantDescription"), f("maxTestCases", Kind.INT), s("uri"))
                .run((c, x) -> c.tests().create(x.body(CreateTestRequest.class))));
        ops.add(op("tests", "get", "Get a test").id("testId").run((c, x) -> c.tests().get(x.id())));
        ops.add(op("tests", "list", "List tests").arrays("ids", "productIds", "names").list((c, o) -> c.tests().list(o)));
        ops.add(op("tests", "delete", "Delete a test and its test cases").id("testId").run((c, x) -> {
            c.tests().delete(x.id());
            return null;
        }));

        ops.add(op("test-cases", "create", "Create a test case of a test")
                .fields(s("testId"), s("input"), s("expectedOutput"), s("context"), f("expectedTools", Kind.LIST), s("variant"),
                        s("strategy"), s("source"), s("userPersona"), s("scenario"), s("goal"), f("maxIterations", Kind.INT),
                        s("initialPrompt"), f("stoppingCriterias", Kind.LIST), s("reviewedById"), s("languageCode"),
                        f("userScore", Kind.INT), s("userScoreReason"), f("confidence", Kind.NUMBER), s("confidenceReason"))
                .run((c, x) -> c.testCases().create(x.body(CreateTestCaseRequest.class))));
        ops.add(op("test-cases", "get", "Get a test case").id("testCaseId").run((c, x) -> c.testCases().get(x.id())));
        ops.add(op("test-cases", "list", "List test cases")
                .arrays("ids", "testIds", "languages", "variants", "strategies", "expectedTools")
                .values("reviewed", "userScore")
                .list((c, o) -> c.testCases().list(o)));
        ops.add(op("test-cases", "delete", "Delete a test case").id("testCaseId").run((c, x) -> {
            c.testCases().delete(x.id());
            return null;
        }));

        ops.add(op("metrics", "create", "Create a metric of your organization")
                .fields(s("name"), s("source"), f("evaluationParams", Kind.LIST), s("judgePrompt"), s("evaluatorModelName"),
                        s("description"), s("documentationUrl"), f("tags", Kind.LIST), f("userGroupIds", Kind.LIST))
                .run((c, x) -> c.metrics().create(x.body(CreateMetricRequest.class))));
        ops.add(op("metrics", "get", "Get a metric").id("metricId").run((c, x) -> c.metrics().get(x.id())));
        ops.add(op("metrics", "list", "List the built-in metrics and your organization's").arrays("ids", "names", "tags")
                .values("includeLegacy").list((c, o) -> c.metrics().list(o)));
        ops.add(op("metrics", "delete", "Delete one of your organization's metrics").id("metricId").run((c, x) -> {
            c.metrics().delete(x.id());
            return null;
        }));

        ops.add(op("specifications", "create", "Create a specification of a product")
                .fields(s("productId"), s("description"), s("type"), s("testType"), s("testVariant"),
                        f("metricIds", Kind.LIST), s("name"))
                .run((c, x) -> c.specifications().create(x.body(CreateSpecificationRequest.class))));
        ops.add(op("specifications", "get", "Get a specification").id("specificationId").run((c, x) -> c.specifications().get(x.id())));
        ops.add(op("specifications", "list", "List specifications").arrays("ids", "productIds", "types", "testTypes")
                .list((c, o) -> c.specifications().list(o)));
        ops.add(op("specifications", "delete", "Delete a specification").id("specificationId").run((c, x) -> {
            c.specifications().delete(x.id());
            return null;
        }));
        ops.add(op("specifications", "link-metrics", "Link metrics to a specification").id("specificationId")
                .fields(f("metricIds", Kind.LIST)).run((c, x) -> {
                    c.specifications().linkMetrics(x.id(), x.requireList(x.body(MetricIdsRequest.class).metricIds(), "metricIds"));
                    return null;
                }));
        ops.add(op("specifications", "unlink-metrics", "Unlink metrics from a specification").id("specificationId")
                .fields(f("metricIds", Kind.LIST)).run((c, x) -> {
                    c.specifications().unlinkMetrics(x.id(), x.requireList(x.body(MetricIdsRequest.class).metricIds(), "metricIds"));
                    return null;
                }));
        ops.add(op("specifications", "list-metrics", "List a specification's metrics").id("specificationId")
                .run((c, x) -> c.specifications().listMetrics(x.id())));

        ops.add(op("evaluations", "create-from-inference-result", "Evaluate one turn; --metrics takes metric names")
                .fields(s("inferenceResultId"), f("metrics", Kind.LIST), f("specificationIds", Kind.LIST))
                .run((c, x) -> c.evaluations().createFromInferenceResult(x.body(CreateEvaluationsFromInferenceResultRequest.class))));
        ops.add(op("evaluations", "create-from-session", "Evaluate a whole conversation; --metrics takes metric names")
                .fields(s("sessionId"), s("inferenceResultId"), f("metrics", Kind.LIST), f("specificationIds", Kind.LIST))
                .run((c, x) -> c.evaluations().createFromSession(x.body(CreateEvaluationsFromSessionRequest.class))));
        ops.add(op("evaluations", "get", "Get an evaluation").id("evaluationId").run((c, x) -> c.evaluations().get(x.id())));
        ops.add(op("evaluations", "list", "List evaluations")
                .arrays("ids", "sessionIds", "inferenceResultIds", "metricIds", "versionIds", "productIds", "testCaseIds",
                        "testIds", "excludeTestIds", "statuses")
                .values("canRetry", "includeDeleted")
                .list((c, o) -> c.evaluations().list(o)));
        ops.add(op("evaluations", "delete", "Delete an evaluation").id("evaluationId").run((c, x) -> {
            c.evaluations().delete(x.id());
            return null;
        }));
        ops.add(op("evaluations", "retry", "Send failed or skipped evaluations back to their queue").fields(f("ids", Kind.LIST))
                .run((c, x) -> c.evaluations().retry(x.requireList(x.body(RetryEvaluationsRequest.class).ids(), "ids"))));
        ops.add(op("evaluations", "human-queue", "List the human evaluations waiting for you")
                .list((c, o) -> c.evaluations().listHumanQueue(o)));
        ops.add(op("evaluations", "claim", "Reserve a human evaluation for yourself").id("evaluationId")
                .run((c, x) -> c.evaluations().claim(x.id())));
        ops.add(op("evaluations", "human-score", "Score a human evaluation you claimed").id("evaluationId")
                .fields(f("score", Kind.NUMBER), s("reason"))
                .run((c, x) -> {
                    HumanScoreRequest request = x.body(HumanScoreRequest.class);
                    if (request.score() == null) {
                        throw CliException.usage("--score is required");
                    }
                    return c.evaluations().submitHumanScore(x.id(), request.score(), request.reason());
                }));
        ops.add(op("traces", "create", "Record one span of a turn")
                .fields(s("id"), s("inferenceResultId"), s("name"), s("type"), s("description"), f("inputData", Kind.STRING_OR_JSON),
                        f("outputData", Kind.STRING_OR_JSON), s("error"), f("latencyMs", Kind.NUMBER), f("metadata", Kind.JSON),
                        s("parentTraceId"), s("startTime"), s("endTime"))
                .run((c, x) -> c.traces().create(x.body(CreateTraceRequest.class))));
        ops.add(op("traces", "create-batch", "Record many spans; --data takes {\"traces\": [...]}")
                .fields(f("traces", Kind.JSON))
                .run((c, x) -> c.traces().createBatch(x.requireList(x.body(CreateTraceBatchRequest.class).traces(), "traces"))));
        ops.add(op("traces", "get", "Get a span").id("traceId").run((c, x) -> c.traces().get(x.id())));
        ops.add(op("traces", "list", "List spans")
                .arrays("ids", "inferenceResultIds", "sessionIds", "types", "names").values("fromStartTime", "toStartTime")
                .list((c, o) -> c.traces().list(o)));
        ops.add(op("traces", "tree", "The spans of a turn as a tree").id("inferenceResultId")
                .run((c, x) -> c.traces().tree(x.id())));
        ops.add(op("traces", "delete", "Delete a span and the spans under it").id("traceId").run((c, x) -> {
            c.traces().delete(x.id());
            return null;
        }));

        ops.add(op("comparisons", "get", "Compare a candidate version with a base version, metric by metric (see also: assay compare)")
                .fields(COMPARISON_FIELDS)
                .run((c, x) -> c.comparisons().compare(x.required("baseVersionId"), x.required("candidateVersionId"),
                        x.queryOf(COMPARISON_FILTERS))));
        ops.add(op("comparisons", "items", "The test cases both versions were scored on, worst regression first")
                .fields(concat(COMPARISON_FIELDS, f("limit", Kind.INT), f("offset", Kind.INT)))
                .run((c, x) -> c.comparisons().items(x.required("baseVersionId"), x.required("candidateVersionId"),
                        x.queryOf(concat(COMPARISON_FILTERS, f("limit", Kind.INT), f("offset", Kind.INT))))));

        ops.add(op("agreement", "get", "How well machine scores agree with human reviews, per metric")
                .fields(AGREEMENT_FILTERS)
                .run((c, x) -> c.agreement().measure(x.queryOf(AGREEMENT_FILTERS))));
        ops.add(op("agreement", "items", "The reviewed evaluations whose machine and human scores differ, largest first")
                .fields(concat(AGREEMENT_FILTERS, f("limit", Kind.INT), f("offset", Kind.INT)))
                .run((c, x) -> c.agreement().disagreements(
                        x.queryOf(concat(AGREEMENT_FILTERS, f("limit", Kind.INT), f("offset", Kind.INT))))));
        return ops;
    }

    private static final Field[] AGREEMENT_FILTERS = {
            new Field("metricIds", Kind.LIST), new Field("versionIds", Kind.LIST), new Field("testIds", Kind.LIST),
            new Field("excludeTestIds", Kind.LIST), new Field("fromCreatedAt", Kind.STRING), new Field("toCreatedAt", Kind.STRING)};

    private static final Field[] COMPARISON_FILTERS = {
            new Field("metricIds", Kind.LIST), new Field("testIds", Kind.LIST),
            new Field("fromCreatedAt", Kind.STRING), new Field("toCreatedAt", Kind.STRING)};
    private static final Field[] COMPARISON_FIELDS = concat(
            new Field[]{new Field("baseVersionId", Kind.STRING), new Field("candidateVersionId", Kind.STRING)}, COMPARISON_FILTERS);

    private static Field[] concat(Field[] first, Field... more) {
        Field[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** The nouns in the order of {@link #all()}, each with its operations. */
    static Map<String, List<Operation>> byNoun(List<Operation> operations) {
        Map<String, List<Operation>> nouns = new LinkedHashMap<>();
        for (Operation operation : operations) {
            nouns.computeIfAbsent(operation.noun(), k -> new ArrayList<>()).add(operation);
        }
        return nouns;
    }

    /** {@code productIds} → {@code --product-ids}. */
    static String flag(String field) {
        StringBuilder flag = new StringBuilder("--");
        for (char ch : field.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                flag.append('-').append(Character.toLowerCase(ch));
            } else {
                flag.append(ch);
            }
        }
        return flag.toString();
    }

    private static Field s(String name) {
        return new Field(name, Kind.STRING);
    }

    private static Field f(String name, Kind kind) {
        return new Field(name, kind);
    }

    private static Builder op(String noun, String verb, String description) {
        return new Builder(noun, verb, description);
    }

    /** Collects one row of the table. */
    private static final class Builder {
        private final String noun;
        private final String verb;
        private final String description;
        private @Nullable String idLabel;
        private List<Field> fields = List.of();
        private List<String> arrays = List.of();
        private List<String> values = List.of();

        Builder(String noun, String verb, String description) {
            this.noun = noun;
            this.verb = verb;
            this.description = description;
        }

        Builder id(String label) {
            this.idLabel = label;
            return this;
        }

        Builder fields(Field... fields) {
            this.fields = List.of(fields);
            return this;
        }

        Builder arrays(String... filters) {
            this.arrays = List.of(filters);
            return this;
        }

        Builder values(String... filters) {
            this.values = List.of(filters);
            return this;
        }

        Operation run(Invoke invoke) {
            return new Operation(noun, verb, description, idLabel, fields, arrays, values, null, invoke);
        }

        Operation list(BiFunction<AssayClient, ListOptions, List<?>> list) {
            return new Operation(noun, verb, description, idLabel, fields, arrays, values, list, null);
        }
    }
}
