package dev.assay.app;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.ConversationTurn;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.EvaluationFixtures;
import dev.assay.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /evaluations/export} and {@code GET /inferenceResults/export}: JSON Lines and CSV, streamed. */
class ExportIT extends ApiIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Nested
    class Evaluations {
        @Test
        void export_jsonl_isTheListRowByRowWithReasons() {
            List<EvaluationResponse> evaluations = someEvaluations(3, "Polite, \"mostly\"\nand correct");

            List<EvaluationResponse> exported = jsonLines(read(client.evaluations().export(ListOptions.none())),
                    EvaluationResponse.class);

            assertThat(exported).containsExactlyElementsOf(client.evaluations().list(ListOptions.none()));
            assertThat(exported).hasSize(evaluations.size());
            assertThat(exported).extracting(EvaluationResponse::humanReason).containsOnly("Polite, \"mostly\"\nand correct");
        }

        @Test
        void export_csv_hasEveryFieldAndQuotesReasons() {
            String reason = "Polite, \"mostly\"\nand correct";
            List<EvaluationResponse> evaluations = someEvaluations(2, reason);

            List<List<String>> rows = csv(read(client.evaluations().export(ListOptions.none().with("format", "csv"))));

            assertThat(rows.getFirst()).containsExactlyElementsOf(componentNames(EvaluationResponse.class));
            assertThat(rows).hasSize(1 + evaluations.size());
            List<String> header = rows.getFirst();
            for (List<String> row : rows.subList(1, rows.size())) {
                assertThat(row).hasSize(header.size());
                assertThat(row.get(header.indexOf("humanReason"))).isEqualTo(reason);
                assertThat(row.get(header.indexOf("humanScore"))).isEqualTo("0.25");
                assertThat(row.get(header.indexOf("error"))).isEmpty();
                assertThat(row.get(header.indexOf("failedTurns"))).isEqualTo("[]");
            }
            assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(header.indexOf("id")))
                    .containsExactlyInAnyOrderElementsOf(evaluations.stream().map(EvaluationResponse::id).toList());
        }

        @Test
        void export_appliesTheListFiltersAndSort() {
            List<EvaluationResponse> evaluations = someEvaluations(3, null);
            String turnId = evaluations.get(1).inferenceResultId();

            List<EvaluationResponse> filtered = jsonLines(read(client.evaluations().export(
                    ListOptions.none().filter("inferenceResultIds", turnId))), EvaluationResponse.class);
            List<EvaluationResponse> newestFirst = jsonLines(read(client.evaluations().export(
                    ListOptions.none().sort("createdAt", true))), EvaluationResponse.class);

            assertThat(filtered).extracting(EvaluationResponse::id).containsExactly(evaluations.get(1).id());
            assertThat(newestFirst).extracting(EvaluationResponse::id)
                    .containsExactlyElementsOf(client.evaluations().list(ListOptions.none().sort("createdAt", true))
                            .stream().map(EvaluationResponse::id).toList());
        }

        @Test
        void export_ignoresPaging() {
            someEvaluations(3, null);

            assertThat(jsonLines(read(client.evaluations().export(ListOptions.none().limit(1))), EvaluationResponse.class))
                    .hasSize(3);
        }

        @Test
        void export_withNoRows_isEmptyOrJustTheHeader() {
            assertThat(read(client.evaluations().export(ListOptions.none()))).isEmpty();
            assertThat(read(client.evaluations().export(ListOptions.none().with("format", "csv"))))
                    .isEqualTo(String.join(",", componentNames(EvaluationResponse.class)) + "\r\n");
        }

        @Test
        void export_isScopedToTheCallersOrganization() {
            someEvaluations(2, null);
            Tenant other = newTenant();

            assertThat(read(other.client().evaluations().export(ListOptions.none()))).isEmpty();
            String foreignId = client.evaluations().list(ListOptions.none()).getFirst().id();
            AssayApiException error = apiError(() -> other.client().evaluations().export(ListOptions.none().filter("ids", foreignId)),
                    ErrorCode.EVALUATION_NOT_FOUND);
            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("EVALUATION_NOT_FOUND");
        }

        @Test
        void export_badFormatOrSort_isBadRequestBeforeAnyRow() {
            someEvaluations(1, null);

            assertErrorBody(raw("GET", "/evaluations/export?format=xml", null, tenant.apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
            assertErrorBody(raw("GET", "/evaluations/export?sort=nope", null, tenant.apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
            assertErrorBody(raw("GET", "/evaluations/export", null, null), ErrorCode.UNAUTHORIZED, "Unauthorized");
        }

        @Test
        void export_headers_nameTheFormatAndAFile() {
            HttpResponse<String> response = raw("GET", "/evaluations/export?format=csv", null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"evaluations.csv\"");
        }

        @Test
        void export_failingPartWay_breaksTheStreamInsteadOfEndingIt() {
            EvaluationResponse template = someEvaluations(1, "reason").getFirst();
            UUID id = Ids.parse(IdKind.EVALUATION, template.id()).orElseThrow();
            // Enough rows that the response is committed before the unreadable one, written straight into the table.
            jdbc.sql("""
                    INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, inference_result_id,
                        test_case_id, status, score, reason, next_attempt_at, created_at)
                    SELECT gen_random_uuid(), organization_id, metric_id, session_id, version_id, inference_result_id, test_case_id,
                           status, score, repeat('r', 200), next_attempt_at, created_at + g * interval '1 millisecond'
                    FROM evaluations, generate_series(1, 2000) AS g WHERE id = :id
                    """).param("id", id).update();
            jdbc.sql("""
                    INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, status, next_attempt_at,
                        created_at)
                    SELECT gen_random_uuid(), organization_id, metric_id, session_id, version_id, 'NOT_A_STATUS', next_attempt_at,
                           created_at + interval '1 hour'
                    FROM evaluations WHERE id = :id
                    """).param("id", id).update();

            InputStream stream = client.evaluations().export(ListOptions.none());

            assertThatThrownBy(() -> {
                try (stream) {
                    stream.readAllBytes();
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Nested
    class InferenceResults {
        @Test
        void export_jsonlAndCsv_haveEveryTurn() {
            SessionResponse session = Fixtures.aSession(client);
            client.inferenceResults().createBatch(session.id(), List.of(ConversationTurn.user("Hi, there"),
                    ConversationTurn.assistant("Hello \"friend\""), ConversationTurn.user("Bye"), ConversationTurn.assistant("Bye")));

            List<InferenceResultResponse> jsonl = jsonLines(read(client.inferenceResults().export(ListOptions.none())),
                    InferenceResultResponse.class);
            List<List<String>> rows = csv(read(client.inferenceResults().export(ListOptions.none().with("format", "csv"))));

            assertThat(jsonl).containsExactlyElementsOf(client.inferenceResults().list(ListOptions.none()));
            assertThat(jsonl).hasSize(2);
            assertThat(rows.getFirst()).containsExactlyElementsOf(componentNames(InferenceResultResponse.class));
            assertThat(rows).hasSize(3);
            int output = rows.getFirst().indexOf("actualOutput");
            assertThat(rows.get(1).get(output)).isEqualTo("Hello \"friend\"");
        }

        @Test
        void export_isScopedAndFiltered() {
            SessionResponse mine = Fixtures.aSession(client);
            SessionResponse other = Fixtures.aSession(client);
            EvaluationFixtures.aTurn(client, mine.id());
            EvaluationFixtures.aTurn(client, other.id());
            Tenant stranger = newTenant();

            assertThat(jsonLines(read(client.inferenceResults().export(ListOptions.none().filter("sessionIds", mine.id()))),
                    InferenceResultResponse.class)).extracting(InferenceResultResponse::sessionId).containsExactly(mine.id());
            assertThat(read(stranger.client().inferenceResults().export(ListOptions.none()))).isEmpty();
            assertErrorBody(raw("GET", "/inferenceResults/export?format=parquet", null, tenant.apiKey()), ErrorCode.INVALID_REQUEST,
                    "Bad Request");
        }
    }

    /** Evaluations of new turns, each reviewed by a person with 0.25 and the reason. */
    private List<EvaluationResponse> someEvaluations(int count, String reason) {
        MetricResponse metric = EvaluationFixtures.aSelfHostedMetric(client);
        SessionResponse session = Fixtures.aSession(client);
        List<EvaluationResponse> evaluations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String turn = EvaluationFixtures.aTurn(client, session.id()).id();
            EvaluationResponse scored = client.evaluations()
                    .createFromInferenceResult(turn, List.of(EvaluationMetric.scored(metric.name(), 0.5)), null).getFirst();
            evaluations.add(reason == null ? scored : client.evaluations().submitHumanScore(scored.id(), 0.25, reason));
        }
        return evaluations;
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> jsonLines(String text, Class<T> type) {
        return text.lines().map(line -> JSON.readValue(line, type)).toList();
    }

    private static List<String> componentNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** A strict RFC 4180 reader: CRLF line ends, quoted fields with doubled quotes. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(row).as("text after the last line end").isEmpty();
        assertThat(field).as("text after the last line end").isEmpty();
        return rows;
    }
}
