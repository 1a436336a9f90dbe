package dev.assay.trace;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.OverloadedException;
import dev.assay.common.Timestamps;
import dev.assay.inference.InferenceResult;
import dev.assay.inference.InferenceResultService;
import dev.assay.inference.NewInferenceResult;
import dev.assay.inference.SessionReference;
import dev.assay.inference.Usage;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.session.NewSession;
import dev.assay.session.Session;
import dev.assay.session.SessionDetails;
import dev.assay.session.SessionService;
import dev.assay.testcase.TestCaseService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the spans of an OTLP export (docs/api.md "OpenTelemetry"). One OTel trace is one turn,
 * found by the {@code galtea.trace.id} attribute, else by the W3C trace id stored on a turn, else
 * assembled into a production session from a conversation key and {@code galtea.version.id}.
 * Spans of a trace whose turn is not known yet wait (for {@code assay.traces.pending-ttl}) until a
 * later span of the same trace resolves it, at most
 * {@code assay.traces.max-pending-spans-per-organization} of them per organization.
 * Span ids are derived from the organization and the OTel ids, so a re-sent export stores nothing
 * twice and opens no second turn. The whole export is one transaction.
 */
@Service
class OtelIngestService {
    private static final Logger log = LoggerFactory.getLogger(OtelIngestService.class);
    /** The longest session custom id (the sessions feature refuses longer ones). */
    private static final int MAX_CONVERSATION_KEY_LENGTH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Expired waiting spans each export forgets at most, so no export pays for a whole expiry. */
    private static final int EXPIRED_PER_EXPORT = 1000;

    private final TraceService traces;
    private final TraceRepository spans;
    private final InferenceResultService turns;
    private final SessionService sessions;
    private final ProductService products;
    private final TestCaseService testCases;
    private final TraceProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OtelIngestService(TraceService traces, TraceRepository spans, InferenceResultService turns, SessionService sessions,
            ProductService products, TestCaseService testCases, TraceProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.traces = traces;
        this.spans = spans;
        this.turns = turns;
        this.sessions = sessions;
        this.products = products;
        this.testCases = testCases;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What an export stored and rejected; {@code message} says why spans were rejected. */
    record Result(int accepted, int rejected, @Nullable String message) {}

    Result ingest(Caller caller, List<OtlpSpan> exported) {
        try {
            return transaction.execute(status -> ingestOnce(caller, exported));
        } catch (DataAccessException | AssayException e) {
            // Two exports racing to open the same session or turn: the loser's transaction fails on
            // the unique index (a session's customId, a turn's traceId), either in the database or
            // in the check before the insert when the winner committed in between; once again, it
            // finds what the winner stored. Any other refusal is the answer.
            if (e instanceof AssayException refused && refused.code() != ErrorCode.DUPLICATE_NAME) {
                throw refused;
            }
            log.info("OTLP export collided with a concurrent one, retrying once: {}", e.getMessage());
            return transaction.execute(status -> ingestOnce(caller, exported));
        }
    }

    private Result ingestOnce(Caller caller, List<OtlpSpan> exported) {
        Instant now = Timestamps.now(clock);
        Instant expiredBefore = now.minus(properties.pendingTtl());
        spans.expirePending(expiredBefore, EXPIRED_PER_EXPORT);
        Rejections rejections = new Rejections();
        Map<String, Map<String, OtlpSpan>> byTrace = new LinkedHashMap<>();
        for (OtlpSpan span : exported) {
            if (!span.hasValidIds()) {
                rejections.add(1, "span ids must be 16-byte trace and 8-byte span ids, not all zero");
            } else if (span.name().isBlank()) {
                rejections.add(1, "span " + span.spanId() + " has an empty name");
            } else {
                byTrace.computeIfAbsent(span.traceId(), k -> new LinkedHashMap<>()).putIfAbsent(span.spanId(), span);
            }
        }
        int[] newConversations = {0};
        List<OtlpSpan> held = new ArrayList<>();
        Map<String, Resolution> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, OtlpSpan>> trace : byTrace.entrySet()) {
            List<OtlpSpan> group = List.copyOf(trace.getValue().values());
            Resolution turn = resolveTurn(caller, trace.getKey(), group, newConversations);
            if (turn.hold()) {
                held.addAll(group);
            } else if (turn.problem() != null) {
                rejections.add(group.size(), turn.problem());
            } else {
                resolved.put(trace.getKey(), turn);
            }
        }
        // Spans that arrived earlier than what resolves their turn join it now.
        for (OtlpSpan waiting : spans.release(caller.organizationId(), resolved.keySet())) {
            byTrace.computeIfAbsent(waiting.traceId(), k -> new LinkedHashMap<>()).putIfAbsent(waiting.spanId(), waiting);
        }
        spans.hold(caller.organizationId(), held, now);
        if (!held.isEmpty()) {
            // Checked after the insert, so re-sent spans already waiting count once; over the bound,
            // the transaction rolls back and the exporter is told to retry, nothing is dropped.
            // Expired spans not forgotten yet (at most EXPIRED_PER_EXPORT go per export) do not count.
            int waiting = spans.pendingCount(caller.organizationId(), expiredBefore);
            if (waiting > properties.maxPendingSpansPerOrganization()) {
                throw new OverloadedException("This export would leave " + waiting + " spans of the organization waiting"
                        + " for their turn, more than assay.traces.max-pending-spans-per-organization ("
                        + properties.maxPendingSpansPerOrganization() + "); name the turns of the waiting spans"
                        + " (galtea.trace.id, or a conversation key with galtea.version.id) or let them expire, then"
                        + " retry", properties.retryAfter().toSeconds());
            }
        }

        List<Span> toStore = new ArrayList<>();
        List<TurnUpdate> updates = new ArrayList<>();
        for (Map.Entry<String, Resolution> trace : resolved.entrySet()) {
            InferenceResult found = Objects.requireNonNull(trace.getValue().turn(), "a resolved trace has a turn");
            OtlpSpan root = null;
            boolean reportsTokens = false;
            for (OtlpSpan span : byTrace.getOrDefault(trace.getKey(), Map.of()).values()) {
                OtelMapping.Fields fields = OtelMapping.map(span);
                toStore.add(new Span(spanId(caller, span.traceId(), span.spanId()), caller.organizationId(), found.id(),
                        found.sessionId(),
                        span.parentSpanId() == null ? null : spanId(caller, span.traceId(), span.parentSpanId()),
                        fields.name(), fields.type(), fields.description(), fields.inputData(), fields.outputData(),
                        fields.error(), fields.latencyMs(), fields.metadata(), fields.startTime(), fields.endTime(), now,
                        null));
                if (span.parentSpanId() == null) {
                    root = span;
                }
                reportsTokens |= OtelMapping.count(span, OtelMapping.INPUT_TOKENS) != null
                        || OtelMapping.count(span, OtelMapping.OUTPUT_TOKENS) != null;
            }
            if (trace.getValue().correlatedByTraceId()) {
                updates.add(new TurnUpdate(found, root, reportsTokens));
            }
        }
        traces.storeDerived(toStore);
        for (TurnUpdate update : updates) {
            if (update.root() != null) {
                OtelMapping.Fields fields = OtelMapping.map(update.root());
                turns.fillMissingInputOutput(caller, update.turn().id(), input(fields.inputData()), text(fields.outputData()));
            }
            if (update.reportsTokens()) {
                Long[] sums = spans.tokenSums(update.turn().id());
                turns.setTokenCounts(caller, update.turn().id(), sums[0], sums[1]);
            }
        }
        String message = rejections.message();
        if (!held.isEmpty()) {
            String note = held.size() + " spans wait for their turn: a span of the same trace must carry galtea.trace.id,"
                    + " or a conversation key (galtea.session.custom_id, gen_ai.conversation.id, session.id) with"
                    + " galtea.version.id, or the trace id must be logged on a turn";
            message = message == null ? note : message + "; " + note;
        }
        return new Result(toStore.size(), rejections.count, message);
    }

    /** The turn of one OTel trace, or why its spans are rejected. */
    private Resolution resolveTurn(Caller caller, String traceId, List<OtlpSpan> group, int[] newConversations) {
        String explicit = first(group, OtelMapping.TURN_KEYS);
        if (explicit != null) {
            Optional<InferenceResult> turn = Ids.parse(IdKind.INFERENCE_RESULT, explicit).flatMap(id -> turns.findById(caller, id));
            return turn.map(found -> new Resolution(found, false, null))
                    .orElseGet(() -> Resolution.rejected("galtea.trace.id names no inference result: " + explicit));
        }
        Optional<InferenceResult> byTraceId = turns.findByTraceId(caller, traceId);
        if (byTraceId.isPresent()) {
            return new Resolution(byTraceId.get(), true, null);
        }
        String conversation = first(group, OtelMapping.CONVERSATION_KEYS);
        String versionId = first(group, List.of(OtelMapping.VERSION_KEY));
        if (conversation == null || versionId == null) {
            return Resolution.HOLD;
        }
        if (conversation.length() > MAX_CONVERSATION_KEY_LENGTH) {
            return Resolution.rejected("conversation key longer than " + MAX_CONVERSATION_KEY_LENGTH + " characters");
        }
        Optional<Version> version = products.findVersion(caller, versionId);
        if (version.isEmpty()) {
            return Resolution.rejected("galtea.version.id names no version: " + versionId);
        }
        String testCaseId = first(group, List.of(OtelMapping.TEST_CASE_KEY));
        if (testCaseId != null && testCases.findTestCase(caller, testCaseId).isEmpty()) {
            return Resolution.rejected("galtea.test_case.id names no test case: " + testCaseId);
        }
        List<Session> existing = new ArrayList<>(1);
        sessions.list(caller, ListQuery.of(Map.of(
                "customIds", new String[]{conversation},
                "versionIds", new String[]{versionId},
                "limit", new String[]{"1"})), existing::add);
        Session session;
        if (existing.isEmpty()) {
            if (newConversations[0] == properties.maxNewConversationsPerPayload()) {
                return Resolution.rejected("more than " + properties.maxNewConversationsPerPayload()
                        + " new conversations in one request");
            }
            newConversations[0]++;
            session = sessions.create(caller, new NewSession(versionId, null, testCaseId == null, null,
                    SessionDetails.builder().customId(conversation).testCaseId(testCaseId).build()));
        } else {
            session = existing.getFirst();
        }
        OtlpSpan root = group.stream().filter(span -> span.parentSpanId() == null).findFirst().orElse(null);
        OtelMapping.Fields rootFields = root == null ? null : OtelMapping.map(root);
        InferenceResult created = turns.create(caller, new NewInferenceResult(
                new SessionReference(Ids.format(IdKind.SESSION, session.id()), null, null, null),
                null, null, null, null,
                new InferenceResult.Content(rootFields == null ? null : input(rootFields.inputData()),
                        rootFields == null ? null : text(rootFields.outputData()), null),
                new InferenceResult.Measurements(rootFields == null ? null : rootFields.latencyMs(), Usage.NONE, null),
                null, traceId));
        return new Resolution(created, true, null);
    }

    /**
     * The id of an OTel span in Assay: a name-based UUID of the organization, trace and span ids,
     * the same on every re-send and never shared across organizations.
     */
    static UUID spanId(Caller caller, String traceId, String spanId) {
        return UUID.nameUUIDFromBytes(("otel:" + caller.organizationId() + ":" + traceId + ":" + spanId)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String first(List<OtlpSpan> group, List<String> keys) {
        for (OtlpSpan span : group) {
            String value = OtelMapping.attribute(span, keys);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> input(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> (Map<String, Object>) map;
            case String text -> Map.of("user_message", text);
            default -> Map.of("value", value);
        };
    }

    private static @Nullable String text(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            default -> JSON.writeValueAsString(value);
        };
    }

    private record Resolution(@Nullable InferenceResult turn, boolean correlatedByTraceId, @Nullable String problem,
            boolean hold) {
        /** No turn yet and nothing wrong: the spans wait for a span that names their turn. */
        static final Resolution HOLD = new Resolution(null, false, null, true);

        Resolution(@Nullable InferenceResult turn, boolean correlatedByTraceId, @Nullable String problem) {
            this(turn, correlatedByTraceId, problem, false);
        }

        static Resolution rejected(String problem) {
            return new Resolution(null, false, problem, false);
        }
    }

    private record TurnUpdate(InferenceResult turn, @Nullable OtlpSpan root, boolean reportsTokens) {}

    /** Counts rejected spans and keeps the first few reasons. */
    private static final class Rejections {
        private int count;
        private final List<String> reasons = new ArrayList<>();

        void add(int spans, String reason) {
            count += spans;
            if (reasons.size() < 5 && !reasons.contains(reason)) {
                reasons.add(reason);
            }
        }

        @Nullable
        String message() {
            return count == 0 ? null : String.join("; ", reasons);
        }
    }
}
