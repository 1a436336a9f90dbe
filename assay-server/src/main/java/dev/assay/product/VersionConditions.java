package dev.assay.product;

import dev.assay.common.IdFilter;
import dev.assay.common.Where;

/**
 * The SQL on versions that other features' repositories put into their own queries, over rows that
 * carry a version id. The product feature owns the {@code versions} table, so that SQL is written here.
 */
public final class VersionConditions {

    private VersionConditions() {}

    /**
     * Adds {@code versionColumn IN (the versions of these products)}, a sub-select on versions the
     * planner folds into the query, when products were requested (none parseable: nothing matches).
     */
    public static void ofProducts(Where where, String versionColumn, IdFilter productIds) {
        if (!productIds.requested()) {
            return;
        }
        Where products = new Where().relation("v.product_id", "productIds", productIds);
        where.add(versionColumn + " IN (SELECT v.id FROM versions v " + products.sql() + ")");
        products.copyParametersTo(where);
    }
}
