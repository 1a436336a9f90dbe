package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.inference.InferenceResult;
import dev.assay.inference.InferenceResultService;
import dev.assay.metric.MetricDefinition;
import dev.assay.product.Product;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.session.Session;
import dev.assay.session.SessionService;
import dev.assay.trace.TraceService;
import dev.assay.trace.TurnSpans;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gathers the evaluation parameters of one evaluation from its turn, the turn's spans, its
 * session's turns, the session's test case and the product.
 */
@Component
class EvaluationInputLoader {
    private final InferenceResultService turns;
    private final SessionService sessions;
    private final ProductService products;
    private final TestCaseParameters testCases;
    private final TraceService traces;

    EvaluationInputLoader(InferenceResultService turns, SessionService sessions, ProductService products,
            TestCaseParameters testCases, TraceService traces) {
        this.turns = turns;
        this.sessions = sessions;
        this.products = products;
        this.testCases = testCases;
        this.traces = traces;
    }

    /**
     * The parameters of one evaluation. The whole conversation is read only when the evaluation
     * is of a session or an LLM judge scores it: a deterministic metric on one turn never reads the
     * other turns, so scoring every turn of a long session stays linear.
     */
    EvaluationInput load(Caller caller, Evaluation evaluation, MetricDefinition metric) {
        Session session = sessions.getById(caller, evaluation.sessionId());
        Version version = products.getVersionById(caller, session.versionId());
        Product product = products.getProductById(caller, version.productId());
        boolean needsConversation = evaluation.inferenceResultId() == null || metric.source().isJudged();
        List<InferenceResult> conversation = needsConversation ? turns.listSessionTurns(caller, session.id()) : List.of();
        InferenceResult turn = evaluation.inferenceResultId() != null
                ? turns.findById(caller, evaluation.inferenceResultId()).orElseThrow(
                        () -> new IllegalStateException("The evaluated turn no longer exists"))
                : conversation.isEmpty() ? null : conversation.getLast();
        TestCaseParameters.Values testCase = testCases.of(caller, session.testCaseId());
        // tools_used, traces and a missing retrieval_context come from the evaluated turn's spans
        // (docs/api.md "What evaluations read from spans"); one query serves any number of turns.
        TurnSpans spans = turn == null ? TurnSpans.NONE : traces.spansOfTurns(caller, List.of(turn.id())).getOrDefault(turn.id(), TurnSpans.NONE);
        return new EvaluationInput(
                turn == null || turn.input() == null ? testCase.input() : userMessage(turn.input()),
                turn == null ? null : turn.actualOutput(),
                testCase.expectedOutput(),
                session.context() != null ? session.context() : testCase.context(),
                turn != null && turn.retrievalContext() != null ? turn.retrievalContext() : spans.retrievalContext(),
                spans.toolsUsed(),
                testCase.expectedTools(),
                product.description(),
                product.capabilities(),
                product.inabilities(),
                product.securityBoundaries(),
                testCase.userPersona(),
                testCase.goal(),
                testCase.scenario(),
                testCase.stoppingCriterias(),
                conversation.stream()
                        .map(each -> new EvaluationInput.Turn(userMessage(each.input()), each.actualOutput()))
                        .toList(),
                spans.render());
    }

    /** The user's text of a turn: {@code user_message} of the stored input, else the input as JSON text. */
    private static @Nullable String userMessage(@Nullable Map<String, Object> input) {
        if (input == null) {
            return null;
        }
        Object message = input.get("user_message");
        if (message instanceof String text) {
            return text;
        }
        return input.isEmpty() ? null : dev.assay.common.JsonValues.write(input);
    }
}
