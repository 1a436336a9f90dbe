package dev.assay.common;

/** A field a list can be sorted by: an enum constant of a feature's whitelist, with its SQL column. */
public interface SortField {

    /** The column, with its table alias, for example {@code r.created_at}. */
    String column();
}
