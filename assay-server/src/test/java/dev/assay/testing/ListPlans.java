package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.common.Where;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks with EXPLAIN that an index serves the order of a list statement. Sorting is switched off
 * for the planner in the checking transaction: a plan that still sorts has no index that yields
 * the order, whatever the size of the table, so the check does not depend on row counts.
 */
public final class ListPlans {

    private ListPlans() {}

    /** The plan of {@code sql} (bound with {@code where}) with sorting disabled; fails when it sorts. */
    public static String assertServedByIndex(JdbcClient jdbc, TransactionTemplate transactions, String sql, Where where) {
        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_sort = off").update();
            jdbc.sql("SET LOCAL enable_incremental_sort = off").update();
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            List<String> lines = where.bind(jdbc.sql("EXPLAIN " + sql)).query(String.class).list();
            return String.join("\n", lines);
        });
        assertThat(plan).as("plan of %s", sql).doesNotContain("Sort").contains("Index");
        return plan;
    }
}
