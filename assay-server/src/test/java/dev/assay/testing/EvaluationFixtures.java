package dev.assay.testing;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.AssayClient;
import java.util.List;
import java.util.UUID;

/** Small named factories for metrics, specifications and turns to evaluate, setting only what matters. */
public final class EvaluationFixtures {

    private EvaluationFixtures() {}

    /** A metric the client scores itself, with a unique name. */
    public static MetricResponse aSelfHostedMetric(AssayClient client) {
        return client.metrics().create(CreateMetricRequest.selfHosted("self-hosted-" + UUID.randomUUID()));
    }

    /** A metric people score through the annotation queue, with a unique name. */
    public static MetricResponse aHumanMetric(AssayClient client) {
        return client.metrics().create(CreateMetricRequest.humanEvaluation("human-" + UUID.randomUUID()));
    }

    /** An AI-judge metric with a rubric over input and output, with a unique name. */
    public static MetricResponse aPartialPromptMetric(AssayClient client) {
        return client.metrics().create(new CreateMetricRequest("judge-" + UUID.randomUUID(), "PARTIAL_PROMPT",
                List.of("input", "actual_output"), "Score 1 when the answer is polite.", "GPT-4.1", null, null, null, null));
    }

    /** A capability specification of the product with these metrics linked. */
    public static SpecificationResponse aSpecification(AssayClient client, String productId, String... metricIds) {
        return client.specifications().create(
                CreateSpecificationRequest.capability(productId, "answers politely", List.of(metricIds)));
    }

    /** A generated turn with an input and an output, appended to the session. */
    public static InferenceResultResponse aTurn(AssayClient client, String sessionId) {
        return client.inferenceResults().create(CreateInferenceResultRequest.forSession(sessionId)
                .input("What is the refund policy?").actualOutput("Refunds are accepted within 30 days.").build());
    }
}
