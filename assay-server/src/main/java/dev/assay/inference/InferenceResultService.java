package dev.assay.inference;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdFilter;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import dev.assay.common.Timestamps;
import dev.assay.session.LockedSession;
import dev.assay.session.Session;
import dev.assay.session.SessionDeleted;
import dev.assay.session.SessionService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import static java.util.Objects.requireNonNull;

/**
 * Logging and reading conversation turns. A write is acknowledged only after its transaction
 * commits, and a batch is one transaction: every turn is stored or none is.
 */
@Service
public class InferenceResultService {
    /** The most turns one batch may create; the SDK recommends 100. */
    public static final int MAX_BATCH_MESSAGES = 1000;
    /**
     * The largest explicit turn index. Above it, more than a billion indices stay free for turns
     * appended without one, so an explicit index can never block a session (docs/api.md).
     */
    public static final int MAX_EXPLICIT_INDEX = 1_000_000_000;

    private final InferenceResultRepository results;
    private final SessionService sessions;
    private final Clock clock;

    InferenceResultService(InferenceResultRepository results, SessionService sessions, Clock clock) {
        this.results = results;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional
    public InferenceResult create(Caller caller, NewInferenceResult request) {
        InferenceResultValidation.check(request);
        LockedSession locked = lockSession(caller, request.session());
        Session session = locked.session();
        int index = request.index() != null ? explicitIndex(locked, request.index()) : nextIndices(locked, 1);
        sessions.advanceTurnIndex(locked, index + 1L);
        Instant now = Timestamps.now(clock);
        InferenceResultStatus status = request.status() == null ? InferenceResultStatus.GENERATED : request.status();
        InferenceResult.Measurements measurements = request.measurements();
        InferenceResult result = new InferenceResult(Ids.newId(clock), caller.organizationId(), session.id(),
                request.userId(), index, status, request.error(), request.content(),
                measurements.withUsage(measurements.usage().withDerivedTotals()),
                request.conversationSimulatorVersion(), request.traceId(), now, null);
        if (request.traceId() != null && results.findByTraceId(caller.organizationId(), request.traceId()).isPresent()) {
            throw InferenceResultRepository.duplicateTraceId(List.of(request.traceId()));
        }
        results.insertAll(List.of(result));
        return result;
    }

    @Transactional
    public List<InferenceResult> createBatch(Caller caller, NewTurnBatch batch) {
        if (batch.messages().isEmpty()) {
            throw AssayException.invalidField("conversationTurns", "must not be empty");
        }
        if (batch.messages().size() > MAX_BATCH_MESSAGES) {
            throw AssayException.invalidField("conversationTurns", "at most " + MAX_BATCH_MESSAGES + " turns per batch");
        }
        LockedSession locked = lockSession(caller, batch.session());
        Session session = locked.session();
        List<TurnPairing.PairedTurn> turns = TurnPairing.pair(batch.messages());
        int index = nextIndices(locked, turns.size());
        sessions.advanceTurnIndex(locked, (long) index + turns.size());
        Instant now = Timestamps.now(clock);
        List<InferenceResult> created = new ArrayList<>();
        for (TurnPairing.PairedTurn turn : turns) {
            created.add(new InferenceResult(Ids.newId(clock), caller.organizationId(), session.id(), null, index++,
                    turn.status(), null, new InferenceResult.Content(turn.input(), turn.actualOutput(), turn.retrievalContext()),
                    InferenceResult.Measurements.NONE, batch.conversationSimulatorVersion(), null, now, null));
        }
        results.insertAll(created);
        return created;
    }

    @Transactional(readOnly = true)
    public InferenceResult get(Caller caller, String inferenceResultId) {
        return Ids.parse(IdKind.INFERENCE_RESULT, inferenceResultId)
                .flatMap(id -> results.find(caller.organizationId(), id))
                .orElseThrow(() -> notFound(inferenceResultId));
    }

    /** A live turn of the caller's organization by its database id. */
    @Transactional(readOnly = true)
    public Optional<InferenceResult> findById(Caller caller, UUID id) {
        return results.find(caller.organizationId(), id);
    }

    /** The live turn of the caller's organization that carries a W3C trace id (32 lowercase hex digits). */
    @Transactional(readOnly = true)
    public Optional<InferenceResult> findByTraceId(Caller caller, String traceId) {
        return results.findByTraceId(caller.organizationId(), traceId);
    }

    /**
     * Sets the token counts of a turn to the given sums (spans report them piece by piece), deriving
     * {@code tokens} and {@code cost} as a create does. Answers false when the turn is gone.
     */
    @Transactional
    public boolean setTokenCounts(Caller caller, UUID inferenceResultId, @Nullable Long inputTokens,
            @Nullable Long outputTokens) {
        Optional<InferenceResult> found = results.find(caller.organizationId(), inferenceResultId);
        if (found.isEmpty()) {
            return false;
        }
        InferenceResult current = found.get();
        Usage before = current.measurements().usage();
        Usage usage = new Usage(inputTokens, outputTokens, before.cacheReadInputTokens(), null,
                before.costPerInputToken(), before.costPerOutputToken(), before.costPerCacheReadInputToken(), null)
                .withDerivedTotals();
        results.update(current.with(current.measurements().withUsage(usage)));
        return true;
    }

    /**
     * Sets a turn's input and output where they are still empty: an OpenTelemetry root span, which
     * carries them, often arrives after the spans that opened the turn.
     */
    @Transactional
    public void fillMissingInputOutput(Caller caller, UUID inferenceResultId,
            java.util.@Nullable Map<String, Object> input,
            @Nullable String actualOutput) {
        results.find(caller.organizationId(), inferenceResultId).ifPresent(current -> {
            InferenceResult.Content content = current.content();
            if ((content.input() != null || input == null) && (content.actualOutput() != null || actualOutput == null)) {
                return;
            }
            results.update(current.with(new InferenceResult.Content(
                    content.input() != null ? content.input() : input,
                    content.actualOutput() != null ? content.actualOutput() : actualOutput,
                    content.retrievalContext())));
        });
    }

    /** The live turns of a session in index order. */
    @Transactional(readOnly = true)
    public List<InferenceResult> listSessionTurns(Caller caller, UUID sessionId) {
        return results.listSessionTurns(caller.organizationId(), sessionId);
    }

    /**
     * Checks the query, then hands the matching turns to {@code sink} one by one while they are
     * read (nothing reaches the sink when the query is invalid).
     */
    @Transactional(readOnly = true)
    public void list(Caller caller, ListQuery query, Consumer<InferenceResult> sink) {
        InferenceResultFilter filter = listFilter(caller, query);
        results.stream(caller.organizationId(), filter, query.sort(InferenceResultSort::fromWire), query.limit(), query.offset(),
                sink);
    }

    /** The filters of {@code GET /inferenceResults}, the strict {@code ids} checked (404). */
    InferenceResultFilter listFilter(Caller caller, ListQuery query) {
        InferenceResultFilter filter = new InferenceResultFilter(IdFilter.of(query, "sessionIds", IdKind.SESSION),
                IdFilter.of(query, "evaluationIds", IdKind.EVALUATION), CreatedBetween.of(query),
                StrictIds.of(query, IdKind.INFERENCE_RESULT));
        filter.ids().check(() -> results.matchingIds(caller.organizationId(), filter), ErrorCode.INFERENCE_RESULT_NOT_FOUND,
                "Inference result");
        return filter;
    }

    @Transactional
    public InferenceResult update(Caller caller, String inferenceResultId, InferenceResultChanges changes) {
        InferenceResultValidation.check(changes);
        InferenceResult current = get(caller, inferenceResultId);
        Usage before = current.measurements().usage();
        Usage applied = new Usage(
                changes.inputTokens().applyTo(before.inputTokens()),
                changes.outputTokens().applyTo(before.outputTokens()),
                changes.cacheReadInputTokens().applyTo(before.cacheReadInputTokens()),
                changes.tokens().applyTo(before.tokens()),
                changes.costPerInputToken().applyTo(before.costPerInputToken()),
                changes.costPerOutputToken().applyTo(before.costPerOutputToken()),
                changes.costPerCacheReadInputToken().applyTo(before.costPerCacheReadInputToken()),
                changes.cost().applyTo(before.cost()));
        Usage usage = applied;
        if (changes.changesUsageInputs()) {
            usage = new Usage(applied.inputTokens(), applied.outputTokens(), applied.cacheReadInputTokens(),
                    changes.tokens().present() ? applied.tokens() : applied.derivedTokens(),
                    applied.costPerInputToken(), applied.costPerOutputToken(), applied.costPerCacheReadInputToken(),
                    changes.cost().present() ? applied.cost() : applied.derivedCost());
        }
        InferenceResultStatus status = changes.status().applyTo(current.status());
        if (status == null) {
            throw AssayException.invalidField("status", "cannot be cleared");
        }
        InferenceResult.Content content = current.content();
        InferenceResult.Measurements measurements = current.measurements();
        InferenceResult updated = current.with(status, changes.error().applyTo(current.error()),
                new InferenceResult.Content(changes.input().applyTo(content.input()),
                        changes.actualOutput().applyTo(content.actualOutput()),
                        changes.retrievalContext().applyTo(content.retrievalContext())),
                new InferenceResult.Measurements(changes.latency().applyTo(measurements.latency()), usage,
                        measurements.creditsUsed()));
        results.update(updated);
        return updated;
    }

    @Transactional
    public void delete(Caller caller, String inferenceResultId) {
        UUID id = Ids.parse(IdKind.INFERENCE_RESULT, inferenceResultId).orElseThrow(() -> notFound(inferenceResultId));
        if (results.softDelete(caller.organizationId(), List.of(id), Timestamps.now(clock)) != 1) {
            throw notFound(inferenceResultId);
        }
    }

    /** Deletes every listed turn, or none when any of them is unknown (404 naming the missing ones). */
    @Transactional
    public void deleteBatch(Caller caller, List<String> inferenceResultIds) {
        StrictIds strict = StrictIds.of(inferenceResultIds, IdKind.INFERENCE_RESULT);
        Set<UUID> found = results.matchingIds(caller.organizationId(), InferenceResultFilter.ids(strict));
        strict.check(() -> found, ErrorCode.INFERENCE_RESULT_NOT_FOUND, "Inference result");
        results.softDelete(caller.organizationId(), found, Timestamps.now(clock));
    }

    @EventListener
    void onSessionDeleted(SessionDeleted event) {
        results.softDeleteSession(event.organizationId(), event.sessionId(), event.deletedAt());
    }

    private LockedSession lockSession(Caller caller, SessionReference reference) {
        String sessionId = reference.sessionId();
        String sessionCustomId = reference.sessionCustomId();
        if ((sessionId == null) == (sessionCustomId == null)) {
            throw AssayException.invalid("Exactly one of sessionId or sessionCustomId is required");
        }
        return sessionId != null
                ? sessions.lockForAppend(caller, sessionId)
                : sessions.lockByCustomId(caller, requireNonNull(sessionCustomId), reference.versionId(), reference.productId());
    }

    /** The index of the first of {@code count} turns appended to the session, if they all fit in an int. */
    private static int nextIndices(LockedSession locked, int count) {
        long first = locked.nextTurnIndex();
        if (first + count - 1 > Integer.MAX_VALUE) {
            throw AssayException.invalid("The session's turns already reach the largest index " + (first - 1)
                    + "; no turn can be appended after it without an explicit index");
        }
        return (int) first;
    }

    /**
     * An explicit index, if no live turn of the session has it: at or after the session's next
     * index none can (O(1)); below it, one lookup among the session's turns decides.
     */
    private int explicitIndex(LockedSession locked, int index) {
        if (index > MAX_EXPLICIT_INDEX) {
            throw AssayException.invalidField("index", "must be at most " + MAX_EXPLICIT_INDEX);
        }
        if (index < locked.nextTurnIndex() && results.indexTaken(locked.session().id(), index)) {
            throw AssayException.invalidField("index", index + " is already taken by a turn of this session;"
                    + " omit index to append after its last turn");
        }
        return index;
    }

    private static NotFoundException notFound(String inferenceResultId) {
        return new NotFoundException(ErrorCode.INFERENCE_RESULT_NOT_FOUND, "Inference result not found: " + inferenceResultId);
    }
}
