package dev.assay.session;

import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.Where;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.ListPlans;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every order GET /sessions offers is served by an index of the organization. */
class SessionListOrderIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest
    @ValueSource(strings = {"default", "asc", "desc"})
    void everyListOrder_isServedByAnIndex(String order) {
        Where where = Where.tenant("s", UUID.randomUUID()).add("s.deleted_at IS NULL").param("limit", 100).param("offset", 0);
        List<SortKey<SessionSort>> sort = order.equals("default")
                ? List.of()
                : List.of(new SortKey<>(SessionSort.CREATED_AT, order.equals("desc")));

        ListPlans.assertServedByIndex(jdbc, transactions, SessionRepository.listSql(where, sort), where);
    }
}
