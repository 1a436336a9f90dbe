package dev.assay.common;

import java.util.List;

/**
 * The ORDER BY and paging clause of list queries: the requested keys, then tie-break columns in
 * the direction of the first key (so one index scan, forward or backward, can serve the order),
 * then {@code LIMIT :limit OFFSET :offset}. NULLs come last in both directions; every order an
 * organization-wide list offers on a large table has an index that serves it (see {@code V31}).
 */
public final class OrderBy {

    private OrderBy() {}

    public static String of(List<? extends ListQuery.SortKey<? extends SortField>> sort, String... tieBreakColumns) {
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (ListQuery.SortKey<? extends SortField> key : sort) {
            // ASC puts NULLs last already; DESC puts them first unless told otherwise.
            boolean nullsLast = key.descending() && key.field().nullable();
            order.append(key.field().column()).append(key.descending() ? " DESC" : " ASC")
                    .append(nullsLast ? " NULLS LAST, " : ", ");
        }
        String direction = !sort.isEmpty() && sort.getFirst().descending() ? " DESC" : " ASC";
        for (int i = 0; i < tieBreakColumns.length; i++) {
            order.append(tieBreakColumns[i]).append(direction).append(i + 1 < tieBreakColumns.length ? ", " : "");
        }
        return order.append(" LIMIT :limit OFFSET :offset").toString();
    }
}
