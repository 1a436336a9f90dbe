package dev.assay.trace;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import dev.assay.common.Sql;
import dev.assay.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and reading spans. A batch is one transaction and one INSERT of the spans that pass
 * their checks; a span whose id is already stored for the same turn is answered as stored, so a
 * client can re-send a batch safely.
 */
@Service
public class TraceService {
    /** The most spans one batch (or one OTLP request) may carry. */
    public static final int MAX_BATCH_SPANS = 1000;

    private final TraceRepository spans;
    private final TraceProperties properties;
    private final Clock clock;

    TraceService(TraceRepository spans, TraceProperties properties, Clock clock) {
        this.spans = spans;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * How long after a turn is created an evaluation missing the parameters its spans give waits
     * for them ({@code assay.traces.span-grace}, docs/api.md "What evaluations read from spans").
     */
    public Duration spanGrace() {
        return properties.spanGrace();
    }

    /** One item of a batch: the span read from the request, or why it could not be read. */
    record Item(@Nullable NewSpan span, @Nullable AssayException problem) {}

    /** What a batch stored, in request order, and what it dropped, by request index. */
    record BatchResult(List<Span> stored, Map<Integer, String> rejected) {}

    @Transactional
    public Span create(Caller caller, NewSpan span) {
        BatchResult result = store(caller, List.of(new Item(span, null)));
        if (!result.rejected().isEmpty()) {
            String message = result.rejected().values().iterator().next();
            if (message.startsWith("Inference result not found")) {
                throw new NotFoundException(ErrorCode.INFERENCE_RESULT_NOT_FOUND, message);
            }
            throw AssayException.invalid(message);
        }
        return result.stored().getFirst();
    }

    /**
     * Stores the valid items and drops the others (partial success). When every item is dropped
     * the call is a 400 listing why, and nothing is stored.
     */
    @Transactional
    BatchResult createPartial(Caller caller, List<Item> items) {
        checkSize(items);
        BatchResult result = store(caller, items);
        if (result.stored().isEmpty()) {
            throw AssayException.invalid("No span was stored: " + describe(result.rejected()));
        }
        return result;
    }

    /** Stores every item or none: the first problem is a 400 naming the item. */
    @Transactional
    List<Span> createAll(Caller caller, List<Item> items) {
        checkSize(items);
        for (Item item : items) {
            if (item.problem() != null) {
                throw item.problem();
            }
        }
        BatchResult result = store(caller, items);
        if (!result.rejected().isEmpty()) {
            throw AssayException.invalid("Nothing was stored: " + describe(result.rejected()));
        }
        return result.stored();
    }

    @Transactional(readOnly = true)
    public Span get(Caller caller, String spanId) {
        return TraceMapper.parseSpanId(spanId)
                .flatMap(id -> spans.find(caller.organizationId(), id))
                .orElseThrow(() -> notFound(spanId));
    }

    @Transactional(readOnly = true)
    public List<Span> list(Caller caller, ListQuery query) {
        IdFilter inferenceResultIds = IdFilter.of(query, "inferenceResultIds", IdKind.INFERENCE_RESULT);
        IdFilter sessionIds = IdFilter.of(query, "sessionIds", IdKind.SESSION);
        List<String> types = new ArrayList<>();
        for (String type : query.ids("types")) {
            SpanType exact = SpanType.exact(type);
            if (exact == null) {
                throw AssayException.invalidField("types", "unknown span type '" + type + "'");
            }
            types.add(exact.name());
        }
        List<String> names = query.texts("names");
        Instant fromStartTime = query.instant("fromStartTime").orElse(null);
        Instant toStartTime = query.instant("toStartTime").orElse(null);
        CreatedBetween created = CreatedBetween.of(query);
        // A client-chosen UUID names its span as well as the trace_ form does.
        List<String> ids = query.ids("ids").stream()
                .map(id -> TraceMapper.parseSpanId(id).map(uuid -> Ids.format(IdKind.TRACE, uuid)).orElse(id))
                .toList();
        SpanFilter filter = new SpanFilter(inferenceResultIds, sessionIds, types, names, fromStartTime, toStartTime, created,
                StrictIds.of(ids, IdKind.TRACE));
        filter.ids().check(() -> spans.matchingIds(caller.organizationId(), filter), ErrorCode.SPAN_NOT_FOUND, "Span");
        return spans.list(caller.organizationId(), filter, query.sort(TraceSort::fromWire), query.limit(), query.offset());
    }

    /** The live spans of one live turn in start order; 404 when the turn is unknown. */
    @Transactional(readOnly = true)
    public List<Span> ofTurn(Caller caller, String inferenceResultId) {
        UUID turn = Ids.parse(IdKind.INFERENCE_RESULT, inferenceResultId)
                .filter(id -> spans.liveTurnSessions(caller.organizationId(), List.of(id)).containsKey(id))
                .orElseThrow(() -> new NotFoundException(ErrorCode.INFERENCE_RESULT_NOT_FOUND,
                        "Inference result not found: " + inferenceResultId));
        return spans.ofTurns(caller.organizationId(), List.of(turn));
    }

    /**
     * The spans of each given turn and what evaluations derive from them, read with one query
     * whatever the number of turns. A turn without spans maps to {@link TurnSpans#NONE}.
     */
    @Transactional(readOnly = true)
    public Map<UUID, TurnSpans> spansOfTurns(Caller caller, Collection<UUID> inferenceResultIds) {
        Map<UUID, List<Span>> grouped = new LinkedHashMap<>();
        for (Span span : spans.ofTurns(caller.organizationId(), Set.copyOf(inferenceResultIds))) {
            grouped.computeIfAbsent(span.inferenceResultId(), k -> new ArrayList<>()).add(span);
        }
        Map<UUID, TurnSpans> result = new HashMap<>();
        for (UUID id : inferenceResultIds) {
            List<Span> turnSpans = grouped.get(id);
            result.put(id, turnSpans == null ? TurnSpans.NONE : new TurnSpans(turnSpans));
        }
        return result;
    }

    /** Deletes a span and the spans nested under it. */
    @Transactional
    public void delete(Caller caller, String spanId) {
        UUID id = TraceMapper.parseSpanId(spanId).orElseThrow(() -> notFound(spanId));
        if (spans.find(caller.organizationId(), id).isEmpty()
                || spans.softDeleteWithDescendants(caller.organizationId(), id, Timestamps.now(clock)) == 0) {
            throw notFound(spanId);
        }
    }

    /**
     * Stores spans that OpenTelemetry ingestion built, with ids derived from the OTel ids: the
     * nesting holds by construction and a re-sent span is left as stored. Answers how many were new.
     */
    @Transactional
    int storeDerived(List<Span> derived) {
        return spans.insertAll(derived).size();
    }

    private BatchResult store(Caller caller, List<Item> items) {
        Instant now = Timestamps.now(clock);
        Map<Integer, String> rejected = new LinkedHashMap<>();
        Set<UUID> turnIds = new HashSet<>();
        Set<UUID> referenced = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.problem() != null) {
                rejected.put(i, item.problem().getMessage());
                continue;
            }
            NewSpan span = Objects.requireNonNull(item.span(), "an item without a problem has a span");
            turnIds.add(span.inferenceResultId());
            if (span.id() != null) {
                referenced.add(span.id());
            }
            if (span.parentId() != null) {
                referenced.add(span.parentId());
            }
        }
        Map<UUID, UUID> sessionOfTurn = spans.liveTurnSessions(caller.organizationId(), turnIds);
        Map<UUID, Span> existing = new HashMap<>();
        spans.findAnyByIds(referenced).forEach(span -> existing.put(span.id(), span));

        // First pass: the turn, the id, and which items are new spans.
        Map<Integer, Span> candidates = new LinkedHashMap<>();
        Map<Integer, Span> alreadyStored = new HashMap<>();
        Map<UUID, Integer> newIndexById = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (rejected.containsKey(i)) {
                continue;
            }
            NewSpan span = Objects.requireNonNull(items.get(i).span(), "an item without a problem has a span");
            UUID session = sessionOfTurn.get(span.inferenceResultId());
            if (session == null) {
                rejected.put(i, "Inference result not found: " + Ids.format(IdKind.INFERENCE_RESULT, span.inferenceResultId()));
                continue;
            }
            UUID id = span.id() != null ? span.id() : Ids.newId(clock);
            Span stored = existing.get(id);
            if (stored != null) {
                if (stored.organizationId().equals(caller.organizationId()) && stored.deletedAt() == null
                        && stored.inferenceResultId().equals(span.inferenceResultId())) {
                    alreadyStored.put(i, stored);
                } else {
                    rejected.put(i, "id " + Ids.format(IdKind.TRACE, id) + " is already used by another span");
                }
                continue;
            }
            if (newIndexById.containsKey(id)) {
                rejected.put(i, "id " + Ids.format(IdKind.TRACE, id) + " appears twice in the batch");
                continue;
            }
            newIndexById.put(id, i);
            candidates.put(i, new Span(id, caller.organizationId(), span.inferenceResultId(), session, span.parentId(),
                    span.name(), span.type(), span.description(), span.inputData(), span.outputData(), span.error(),
                    span.latencyMs(), span.metadata(), span.startTime(), span.endTime(), now, null));
        }

        // Nesting: a parent is a live span of the same turn, stored or new in this batch, and no
        // chain of new spans loops. Dropping a span drops the spans under it, so repeat until stable.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var entry : new ArrayList<>(candidates.entrySet())) {
                String problem = nestingProblem(caller, entry.getValue(), candidates, newIndexById, existing);
                if (problem != null) {
                    candidates.remove(entry.getKey());
                    newIndexById.remove(entry.getValue().id());
                    rejected.put(entry.getKey(), problem);
                    changed = true;
                }
            }
        }

        Set<UUID> inserted = spans.insertAll(List.copyOf(candidates.values()));
        List<UUID> racedIds = candidates.values().stream().map(Span::id).filter(id -> !inserted.contains(id)).toList();
        Map<UUID, Span> raced = new HashMap<>();
        spans.findAnyByIds(racedIds).forEach(span -> raced.put(span.id(), span));
        List<Span> stored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (alreadyStored.containsKey(i)) {
                stored.add(alreadyStored.get(i));
            } else if (candidates.containsKey(i)) {
                Span span = candidates.get(i);
                Span other = raced.get(span.id());
                if (other == null) {
                    stored.add(span);
                } else if (other.organizationId().equals(caller.organizationId())
                        && other.inferenceResultId().equals(span.inferenceResultId())) {
                    stored.add(other);
                } else {
                    rejected.put(i, "id " + Ids.format(IdKind.TRACE, span.id()) + " is already used by another span");
                }
            }
        }
        Map<Integer, String> ordered = new TreeMap<>(rejected);
        return new BatchResult(stored, ordered);
    }

    private static @Nullable String nestingProblem(Caller caller, Span span, Map<Integer, Span> candidates,
            Map<UUID, Integer> newIndexById, Map<UUID, Span> existing) {
        if (span.parentId() == null) {
            return null;
        }
        String parentWire = Ids.format(IdKind.TRACE, span.parentId());
        Set<UUID> seen = new LinkedHashSet<>();
        seen.add(span.id());
        UUID parent = span.parentId();
        while (parent != null) {
            if (!seen.add(parent)) {
                return "parentTraceId " + parentWire + " makes a cycle";
            }
            Integer index = newIndexById.get(parent);
            if (index != null) {
                Span parentSpan = Objects.requireNonNull(candidates.get(index), "a new span's index");
                if (!parentSpan.inferenceResultId().equals(span.inferenceResultId())) {
                    return "parentTraceId " + parentWire + " belongs to another turn";
                }
                parent = parentSpan.parentId();
                continue;
            }
            Span stored = existing.get(parent);
            if (stored == null || !stored.organizationId().equals(caller.organizationId()) || stored.deletedAt() != null) {
                return "parentTraceId " + Ids.format(IdKind.TRACE, parent) + " is not a known span";
            }
            if (!stored.inferenceResultId().equals(span.inferenceResultId())) {
                return "parentTraceId " + parentWire + " belongs to another turn";
            }
            // A stored span's own ancestors were checked when it was stored.
            return null;
        }
        return null;
    }

    private static void checkSize(List<Item> items) {
        if (items.isEmpty()) {
            throw AssayException.invalidField("traces", "must not be empty");
        }
        if (items.size() > MAX_BATCH_SPANS) {
            throw AssayException.invalidField("traces", "at most " + MAX_BATCH_SPANS + " spans per batch");
        }
    }

    private static String describe(Map<Integer, String> rejected) {
        StringBuilder text = new StringBuilder();
        rejected.entrySet().stream().limit(10).forEach(entry -> text.append(text.isEmpty() ? "" : "; ")
                .append("item ").append(entry.getKey()).append(": ").append(entry.getValue()));
        if (rejected.size() > 10) {
            text.append("; and ").append(rejected.size() - 10).append(" more");
        }
        return text.toString();
    }

    private static NotFoundException notFound(String spanId) {
        return new NotFoundException(ErrorCode.SPAN_NOT_FOUND, "Span not found: " + spanId);
    }
}
