package dev.assay.common;

/** A field a list can be sorted by: an enum constant of a feature's whitelist, with its SQL column. */
public interface SortField {

    /** The column, with its table alias, for example {@code r.created_at}. */
    String column();

    /**
     * Whether the column may hold NULL. Only then does the order say where NULLs go (last): on a
     * NOT NULL column a {@code DESC NULLS LAST} that differs from the index's own order would keep
     * the index from serving the sort, and PostgreSQL would sort every matching row.
     */
    default boolean nullable() {
        return false;
    }
}
