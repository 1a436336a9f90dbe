package dev.assay.evaluation;

import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.JsonValues;
import dev.assay.common.ListQuery;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.auth.Caller;
import dev.assay.trace.TraceService;
import dev.assay.trace.TurnSpans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gathers the evaluation parameters of a whole claimed batch, in a constant number of queries
 * whatever its size: the metrics, the sessions with their products, the evaluated turns, the test
 * cases, only where needed, the conversations, and the evaluated turns' spans (one query per
 * organization of the batch), each read once for the batch by id (see
 * docs/decisions/0004-evaluation-queue.md). {@code tools_used}, {@code traces} and a missing
 * {@code retrieval_context} come from the spans (docs/api.md, "What evaluations read from spans").
 *
 * <p>A deterministic metric on one turn never reads the other turns, so scoring every turn of a
 * long session stays linear; the conversation is read for evaluations of a session and for
 * LLM-judged metrics.
 */
@Component
class EvaluationInputLoader {
    private final MetricService metrics;
    private final EvaluationInputRepository inputs;
    private final TraceService traces;

    EvaluationInputLoader(MetricService metrics, EvaluationInputRepository inputs, TraceService traces) {
        this.metrics = metrics;
        this.inputs = inputs;
        this.traces = traces;
    }

    /**
     * One claimed evaluation after loading: either {@link Scorable}, with what the worker needs to
     * score it, or {@link Unscorable}, with the final reason it cannot be scored.
     */
    sealed interface Prepared {
        EvaluationRepository.Claim claim();

        /** The metric, or null when it no longer exists. */
        @Nullable
        MetricDefinition metric();

        /**
         * When the grace for late spans of the evaluated turn ends (its creation plus
         * {@code assay.traces.span-grace}); null without a turn, and for an unscorable evaluation.
         */
        default @Nullable Instant spansAwaitedUntil() {
            return null;
        }
    }

    /** An evaluation whose metric and parameters were loaded. */
    record Scorable(EvaluationRepository.Claim claim, MetricDefinition metric, EvaluationInput input,
            @Nullable Instant spansAwaitedUntil) implements Prepared {}

    /** An evaluation that cannot be scored: its metric or input is gone, or a text is too long. */
    record Unscorable(EvaluationRepository.Claim claim, @Nullable MetricDefinition metric, ScoreOutcome.Failed problem)
            implements
                Prepared {}

    /**
     * Loads every claim of a batch, in the batch's order. Texts longer than {@code maxTextLength}
     * characters are not read: such an evaluation is {@link Unscorable}, with a problem naming the text.
     */
    List<Prepared> load(List<EvaluationRepository.Claim> claims, int maxTextLength) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<UUID, MetricDefinition> metricsById = metrics(claims);
        Map<UUID, EvaluationInputRepository.SessionRow> sessions = byId(
                inputs.sessions(distinct(claims, EvaluationRepository.Claim::sessionId), maxTextLength),
                EvaluationInputRepository.SessionRow::id);
        Map<UUID, EvaluationInputRepository.TurnRow> turns = byId(
                inputs.turns(distinct(claims, EvaluationRepository.Claim::inferenceResultId), maxTextLength),
                EvaluationInputRepository.TurnRow::id);
        Map<UUID, EvaluationInputRepository.TestCaseRow> testCases = byId(inputs.testCases(testCaseIds(sessions), maxTextLength),
                EvaluationInputRepository.TestCaseRow::id);
        Set<UUID> conversationSessions = new HashSet<>();
        for (EvaluationRepository.Claim claim : claims) {
            MetricDefinition metric = metricsById.get(claim.metricId());
            if (claim.inferenceResultId() == null || (metric != null && metric.source().isJudged())) {
                conversationSessions.add(claim.sessionId());
            }
        }
        Map<UUID, List<EvaluationInputRepository.TurnRow>> conversations = new HashMap<>();
        if (!conversationSessions.isEmpty()) {
            for (EvaluationInputRepository.TurnRow turn : inputs.conversations(conversationSessions, ListQuery.MAX_LIMIT, maxTextLength)) {
                conversations.computeIfAbsent(turn.sessionId(), ignored -> new ArrayList<>()).add(turn);
            }
        }
        Map<UUID, TurnSpans> spans = spans(claims, conversations);
        Duration spanGrace = traces.spanGrace();
        List<Prepared> prepared = new ArrayList<>(claims.size());
        for (EvaluationRepository.Claim claim : claims) {
            UUID turnId = claim.inferenceResultId();
            prepared.add(prepare(claim, metricsById.get(claim.metricId()), sessions.get(claim.sessionId()),
                    turnId == null ? null : turns.get(turnId), testCases,
                    conversations.getOrDefault(claim.sessionId(), List.of()), spans, spanGrace));
        }
        return prepared;
    }

    /**
     * The spans of every turn the batch evaluates: the claimed turn, or for an evaluation of a
     * session its last turn. One query per organization, each scoped to that organization.
     */
    private Map<UUID, TurnSpans> spans(List<EvaluationRepository.Claim> claims,
            Map<UUID, List<EvaluationInputRepository.TurnRow>> conversations) {
        Map<UUID, Set<UUID>> turnsByOrganization = new HashMap<>();
        for (EvaluationRepository.Claim claim : claims) {
            UUID turnId = claim.inferenceResultId();
            if (turnId == null) {
                List<EvaluationInputRepository.TurnRow> conversation = conversations.getOrDefault(claim.sessionId(), List.of());
                turnId = conversation.isEmpty() ? null : conversation.getLast().id();
            }
            if (turnId != null) {
                turnsByOrganization.computeIfAbsent(claim.organizationId(), ignored -> new HashSet<>()).add(turnId);
            }
        }
        Map<UUID, TurnSpans> spans = new HashMap<>();
        turnsByOrganization.forEach((organization, turnIds) -> spans.putAll(traces.spansOfTurns(Caller.system(organization), turnIds)));
        return spans;
    }

    private Map<UUID, MetricDefinition> metrics(List<EvaluationRepository.Claim> claims) {
        Set<UUID> organizations = distinct(claims, EvaluationRepository.Claim::organizationId);
        return byId(metrics.findAllForOrganizations(organizations, distinct(claims, EvaluationRepository.Claim::metricId)),
                MetricDefinition::id);
    }

    private static Prepared prepare(EvaluationRepository.Claim claim, @Nullable MetricDefinition metric,
            EvaluationInputRepository.@Nullable SessionRow session, EvaluationInputRepository.@Nullable TurnRow evaluatedTurn,
            Map<UUID, EvaluationInputRepository.TestCaseRow> testCases, List<EvaluationInputRepository.TurnRow> conversation,
            Map<UUID, TurnSpans> spans, Duration spanGrace) {
        UUID organization = claim.organizationId();
        UUID metricOrganization = metric == null ? null : metric.organizationId();
        if (metric == null || (metricOrganization != null && !metricOrganization.equals(organization))) {
            return problem(claim, null, "The metric no longer exists");
        }
        if (session == null || !session.organizationId().equals(organization)) {
            return problem(claim, metric, "Cannot evaluate: the session, its version or its product no longer exists");
        }
        if (claim.inferenceResultId() != null && (evaluatedTurn == null || !evaluatedTurn.organizationId().equals(organization))) {
            return problem(claim, metric, "Cannot evaluate: the evaluated turn no longer exists");
        }
        List<EvaluationInputRepository.TurnRow> turns = conversation.stream()
                .filter(turn -> turn.organizationId().equals(organization))
                .toList();
        EvaluationInputRepository.TurnRow turn = evaluatedTurn != null ? evaluatedTurn : turns.isEmpty() ? null : turns.getLast();
        EvaluationInputRepository.TestCaseRow testCase = testCase(session.testCaseId(), organization, testCases);
        String oversized = firstNonNull(session.oversized(), turn == null ? null : turn.oversized(),
                testCase == null ? null : testCase.oversized(),
                turns.stream().map(EvaluationInputRepository.TurnRow::oversized).filter(Objects::nonNull).findFirst().orElse(null));
        if (oversized != null) {
            return problem(claim, metric, "Cannot evaluate: " + oversized + " is longer than the limit for scored texts");
        }
        TurnSpans turnSpans = turn == null ? TurnSpans.NONE : spans.getOrDefault(turn.id(), TurnSpans.NONE);
        EvaluationInput input = new EvaluationInput(
                turn == null || (turn.userMessage() == null && turn.inputJson() == null)
                        ? testCase == null ? null : testCase.input()
                        : userMessage(turn),
                turn == null ? null : turn.actualOutput(),
                testCase == null ? null : testCase.expectedOutput(),
                session.context() != null ? session.context() : testCase == null ? null : testCase.context(),
                turn != null && turn.retrievalContext() != null ? turn.retrievalContext() : turnSpans.retrievalContext(),
                turnSpans.toolsUsed(),
                testCase == null ? null : testCase.expectedTools(),
                session.productDescription(),
                session.productCapabilities(),
                session.productInabilities(),
                session.productSecurityBoundaries(),
                testCase == null ? null : testCase.userPersona(),
                testCase == null ? null : testCase.goal(),
                testCase == null ? null : testCase.scenario(),
                testCase == null ? null : testCase.stoppingCriterias(),
                turns.stream().map(each -> new EvaluationInput.Turn(userMessage(each), each.actualOutput())).toList(),
                turnSpans.render());
        return new Scorable(claim, metric, input, turn == null ? null : turn.createdAt().plus(spanGrace));
    }

    private static Prepared problem(EvaluationRepository.Claim claim, @Nullable MetricDefinition metric, String error) {
        return new Unscorable(claim, metric, new ScoreOutcome.Failed(error, false));
    }

    /** The test case behind a session's wire id, if live and of the same organization. */
    private static EvaluationInputRepository.@Nullable TestCaseRow testCase(@Nullable String testCaseId, UUID organization,
            Map<UUID, EvaluationInputRepository.TestCaseRow> testCases) {
        if (testCaseId == null) {
            return null;
        }
        return Ids.parse(IdKind.TEST_CASE, testCaseId)
                .map(testCases::get)
                .filter(row -> row.organizationId().equals(organization))
                .orElse(null);
    }

    private static Set<UUID> testCaseIds(Map<UUID, EvaluationInputRepository.SessionRow> sessions) {
        Set<UUID> ids = new HashSet<>();
        for (EvaluationInputRepository.SessionRow session : sessions.values()) {
            String testCaseId = session.testCaseId();
            if (testCaseId != null) {
                Ids.parse(IdKind.TEST_CASE, testCaseId).ifPresent(ids::add);
            }
        }
        return ids;
    }

    /**
     * The user's text of a turn: {@code user_message} of the stored input, else the input as JSON
     * text (null for an empty input).
     */
    private static @Nullable String userMessage(EvaluationInputRepository.TurnRow turn) {
        String message = turn.userMessage();
        if (message != null) {
            return message;
        }
        Map<String, Object> input = JsonValues.readObject(turn.inputJson());
        return input == null || input.isEmpty() ? null : JsonValues.write(input);
    }

    private static <T> Set<UUID> distinct(List<EvaluationRepository.Claim> claims,
            Function<EvaluationRepository.Claim, @Nullable UUID> key) {
        Set<UUID> ids = new HashSet<>();
        for (EvaluationRepository.Claim claim : claims) {
            UUID id = key.apply(claim);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        Map<UUID, T> map = new LinkedHashMap<>();
        for (T row : rows) {
            map.put(id.apply(row), row);
        }
        return map;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
