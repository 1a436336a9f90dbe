package dev.assay.inference;

import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.Where;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.ListPlans;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every order GET /inferenceResults offers is served by an index, for the organization and for one session. */
class InferenceResultIndexIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    static List<Arguments> orders() {
        List<Arguments> orders = new ArrayList<>();
        for (String scope : List.of("organization", "organization since", "session")) {
            orders.add(Arguments.of(scope, List.of()));
            for (InferenceResultSort field : InferenceResultSort.values()) {
                for (boolean descending : List.of(false, true)) {
                    orders.add(Arguments.of(scope, List.of(new SortKey<>(field, descending))));
                }
            }
        }
        return orders;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orders")
    void everyListOrder_isServedByAnIndex(String scope, List<SortKey<InferenceResultSort>> sort) {
        Where where = Where.tenant("r", UUID.randomUUID()).add("r.deleted_at IS NULL");
        switch (scope) {
            case "session" -> where.add("r.session_id IN (:sessionIds)", "sessionIds", List.of(UUID.randomUUID()));
            case "organization since" -> where.add("r.created_at >= :fromCreatedAt", "fromCreatedAt", OffsetDateTime.now());
            default -> {
            }
        }
        where.param("limit", 100).param("offset", 0);

        ListPlans.assertServedByIndex(jdbc, transactions, InferenceResultRepository.listSql(where, sort), where);
    }
}
