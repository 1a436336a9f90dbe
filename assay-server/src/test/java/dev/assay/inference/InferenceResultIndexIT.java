package dev.assay.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.SessionResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.Where;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The session list query (sessionIds plus sort) is served by the session index, not a scan. */
class InferenceResultIndexIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void listBySessionSortedByCreatedAt_usesTheSessionIndex() {
        List<SessionResponse> sessions = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            SessionResponse session = Fixtures.aSession(client);
            List<ConversationTurn> messages = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                messages.add(ConversationTurn.user("question " + t));
                messages.add(ConversationTurn.assistant("answer " + t));
            }
            client.inferenceResults().createBatch(session.id(), messages);
            sessions.add(session);
        }
        jdbc.sql("ANALYZE inference_results").update();
        UUID sessionId = Ids.parse(IdKind.SESSION, sessions.get(7).id()).orElseThrow();
        UUID organizationId = jdbc.sql("SELECT organization_id FROM sessions WHERE id = :id")
                .param("id", sessionId)
                .query(UUID.class)
                .single();

        for (boolean descending : List.of(false, true)) {
            Where where = Where.tenant("r", organizationId)
                    .add("r.deleted_at IS NULL")
                    .add("r.session_id IN (:sessionIds)", "sessionIds", List.of(sessionId))
                    .param("limit", 100)
                    .param("offset", 0);
            List<SortKey<InferenceResultSort>> sort = List.of(new SortKey<>(InferenceResultSort.CREATED_AT, descending));

            String plan = String.join("\n", where.bind(jdbc.sql("EXPLAIN " + InferenceResultRepository.listSql(where, sort)))
                    .query(String.class)
                    .list());

            assertThat(plan).contains("inference_results_session_idx").doesNotContain("Seq Scan");
        }
    }
}
