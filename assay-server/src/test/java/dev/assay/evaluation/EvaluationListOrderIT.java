package dev.assay.evaluation;

import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.Where;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.ListPlans;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every order GET /evaluations offers is served by an index of the organization, NULL scores last both ways. */
class EvaluationListOrderIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static List<Arguments> orders() {
        List<Arguments> orders = new ArrayList<>();
        orders.add(Arguments.of(List.of()));
        for (EvaluationSort field : EvaluationSort.values()) {
            orders.add(Arguments.of(List.of(new SortKey<>(field, false))));
            orders.add(Arguments.of(List.of(new SortKey<>(field, true))));
        }
        return orders;
    }

    @ParameterizedTest
    @MethodSource("orders")
    void everyListOrder_isServedByAnIndex(List<SortKey<EvaluationSort>> sort) {
        Where where = Where.tenant("e", UUID.randomUUID()).add("e.deleted_at IS NULL").param("limit", 100).param("offset", 0);

        ListPlans.assertServedByIndex(jdbc, transactions, EvaluationRepository.listSql(where, sort), where);
    }
}
