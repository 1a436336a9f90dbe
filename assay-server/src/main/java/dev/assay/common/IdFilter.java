package dev.assay.common;

import java.util.List;
import java.util.UUID;

/**
 * A relation filter of a list query ({@code sessionIds}, {@code productIds}, ...), its wire ids
 * parsed: not requested (no condition), or the ids that parsed. When ids were requested and none
 * parsed, the filter matches nothing and the list is empty (200 {@code []}).
 */
public record IdFilter(boolean requested, List<UUID> ids) {
    public static final IdFilter ANY = new IdFilter(false, List.of());

    public IdFilter {
        ids = List.copyOf(ids);
    }

    /** The filter of a query parameter; unparseable ids are dropped. */
    public static IdFilter of(ListQuery query, String parameter, IdKind kind) {
        return of(query.ids(parameter), kind);
    }

    /** The filter of wire ids; unparseable ids are dropped, an empty list is no filter. */
    public static IdFilter of(List<String> wireIds, IdKind kind) {
        if (wireIds.isEmpty()) {
            return ANY;
        }
        return new IdFilter(true, wireIds.stream().flatMap(id -> Ids.parse(kind, id).stream()).toList());
    }

    /** A filter on ids already resolved, for instance the versions of some products. */
    public static IdFilter resolved(List<UUID> ids) {
        return new IdFilter(true, ids);
    }
}
