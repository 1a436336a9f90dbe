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
    private final Map<String, UUID> parsed = new LinkedHashMap<>();
    private final List<String> unparseable = new ArrayList<>();

    private StrictIds(IdKind kind, List<String> requested) {
        for (String id : requested) {
            Ids.parse(kind, id).ifPresentOrElse(uuid -> parsed.put(id, uuid), () -> unparseable.add(id));
        }
    }

    /** Reads the {@code ids} parameter and adds its condition on {@code alias.id} to the query. */
    public static StrictIds addTo(Where where, String alias, ListQuery query, IdKind kind) {
        return addTo(where, alias, query.ids("ids"), kind);
    }

    /** Adds the condition on {@code alias.id} for ids given as a list (a batch request's body). */
    public static StrictIds addTo(Where where, String alias, List<String> requested, IdKind kind) {
        StrictIds strict = new StrictIds(kind, requested);
        if (!strict.isRequested()) {
            return strict;
        }
        if (strict.parsed.isEmpty()) {
            where.add("false");
        } else {
            where.add(alias + ".id IN (:ids)", "ids", List.copyOf(strict.parsed.values()));
        }
        return strict;
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
