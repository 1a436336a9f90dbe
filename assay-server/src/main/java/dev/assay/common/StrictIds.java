package dev.assay.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The strict {@code ids} filter of Galtea list endpoints (docs/reference/galtea-contract.md §7.4.5): when the
 * rows left after all filters do not cover every requested id, the list answers 404 naming the
 * missing ones. Other relation filters stay lenient.
 */
public final class StrictIds {
    private static final StrictIds NONE = new StrictIds(IdKind.PRODUCT, List.of());

    private final Map<String, UUID> parsed = new LinkedHashMap<>();
    private final List<String> unparseable = new ArrayList<>();

    private StrictIds(IdKind kind, List<String> requested) {
        for (String id : requested) {
            Ids.parse(kind, id).ifPresentOrElse(uuid -> parsed.put(id, uuid), () -> unparseable.add(id));
        }
    }

    /** No ids requested: no condition, nothing to check. */
    public static StrictIds none() {
        return NONE;
    }

    /** Reads the {@code ids} parameter of a list query. */
    public static StrictIds of(ListQuery query, IdKind kind) {
        return of(query.ids("ids"), kind);
    }

    /** The ids given as a list (a batch request's body). */
    public static StrictIds of(List<String> requested, IdKind kind) {
        return new StrictIds(kind, requested);
    }

    /** Reads the {@code ids} parameter and adds its condition on {@code alias.id} to the query. */
    public static StrictIds addTo(Where where, String alias, ListQuery query, IdKind kind) {
        return of(query, kind).addTo(where, alias);
    }

    /** Adds the condition on {@code alias.id} for ids given as a list (a batch request's body). */
    public static StrictIds addTo(Where where, String alias, List<String> requested, IdKind kind) {
        return of(requested, kind).addTo(where, alias);
    }

    /** Adds the condition on {@code alias.id} to a query, when ids were requested; the repository of the rows calls it. */
    public StrictIds addTo(Where where, String alias) {
        if (!isRequested()) {
            return this;
        }
        if (parsed.isEmpty()) {
            where.add("false");
        } else {
            where.add(alias + ".id IN (:ids)", "ids", List.copyOf(parsed.values()));
        }
        return this;
    }

    /**
     * When ids were requested, throws a 404 listing those not among the matching rows. Call it
     * after every other filter has been added.
     */
    public void check(Supplier<Set<UUID>> matchingIds, ErrorCode code, String entity) {
        if (!isRequested()) {
            return;
        }
        Set<UUID> found = parsed.isEmpty() ? Set.of() : matchingIds.get();
        List<String> missing = new ArrayList<>(unparseable);
        parsed.forEach((wire, uuid) -> {
            if (!found.contains(uuid)) {
                missing.add(wire);
            }
        });
        if (!missing.isEmpty()) {
            throw new NotFoundException(code, entity + "s not found: " + String.join(", ", missing));
        }
    }

    private boolean isRequested() {
        return !parsed.isEmpty() || !unparseable.isEmpty();
    }
}
