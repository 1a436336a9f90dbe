package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aTurn;
import static dev.assay.testing.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.client.AssayClient;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestPropertySource;

/**
 * The queue's claim, lease and attempt rules (docs/decisions/0004-evaluation-queue.md), driven
 * statement by statement on the real database with the workers off, each step at an explicit
 * point in time: fair claims across organizations, heartbeats, attempts that run out, and late
 * results of superseded attempts.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestPropertySource(properties = {
        "assay.data-dir=target/it-data-queue",
        "assay.evaluation.worker.enabled=false"
})
class EvaluationQueueIT extends ApiIntegrationTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final List<EvaluationMetric> FIVE = List.of("BLEU", "ROUGE", "METEOR", "Text Similarity", "Text Match")
            .stream().map(EvaluationMetric::named).toList();

    private final EvaluationRepository evaluations;
    private final JdbcClient jdbc;
    private Instant now;

    EvaluationQueueIT(EvaluationRepository evaluations, JdbcClient jdbc) {
        this.evaluations = evaluations;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void emptyQueue() {
        // Rows left by earlier tests of this class would take part in the claims.
        jdbc.sql("UPDATE evaluations SET deleted_at = now() WHERE status = 'PENDING' AND deleted_at IS NULL").update();
        // Late enough for every row a test creates to be due.
        now = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void claim_withOneOrganizationsBacklog_takesAnotherOrganizationsRowsInTheSameBatch() {
        List<String> backlog = queue(client, 8);
        List<String> other = queue(newTenant().client(), 1);

        List<EvaluationRepository.Claim> claims = evaluations.claim(10, now, LEASE, false, 3);

        assertThat(claims).hasSize(10);
        Map<UUID, Long> perOrganization = claims.stream()
                .collect(Collectors.groupingBy(EvaluationRepository.Claim::organizationId, Collectors.counting()));
        assertThat(perOrganization.values()).containsExactlyInAnyOrder(5L, 5L);
        assertThat(ids(claims)).containsAll(other.stream().map(EvaluationQueueIT::uuid).toList());
        assertThat(backlog).hasSize(40);
    }

    @Test
    void claim_ofTheJudgedLane_takesNoDeterministicRow() {
        queue(client, 1);

        assertThat(evaluations.claim(10, now, LEASE, true, 3)).isEmpty();
        assertThat(evaluations.claim(10, now, LEASE, false, 3)).hasSize(5);
    }

    @Test
    void heartbeat_keepsTheLeaseAlivePastItsFirstExpiry_soTheRowIsNotClaimedAgain() {
        queue(client, 1);
        List<EvaluationRepository.Claim> claims = evaluations.claim(5, now, LEASE, false, 3);

        assertThat(evaluations.renewLeases(claims, now.plusSeconds(45).plus(LEASE))).hasSize(5);

        assertThat(evaluations.claim(5, now.plusSeconds(90), LEASE, false, 3)).isEmpty();
        List<EvaluationRepository.Claim> afterRenewedLease = evaluations.claim(5, now.plusSeconds(106), LEASE, false, 3);
        assertThat(afterRenewedLease).hasSize(5).allSatisfy(claim -> assertThat(claim.attempt()).isEqualTo(2));
        assertThat(evaluations.renewLeases(claims, now.plusSeconds(200))).as("attempt 1 was superseded").isEmpty();
    }

    @Test
    void claim_afterEveryAttemptsLeaseExpired_endsFailed_andTheLateResultOfTheLastAttemptStillLands() {
        String id = queue(client, 1).getFirst();
        EvaluationRepository.Claim first = claimOnly(id, now);
        EvaluationRepository.Claim second = claimOnly(id, now.plus(LEASE).plusSeconds(1));
        EvaluationRepository.Claim third = claimOnly(id, now.plus(LEASE.multipliedBy(2)).plusSeconds(2));
        assertThat(List.of(first.attempt(), second.attempt(), third.attempt())).containsExactly(1, 2, 3);

        EvaluationRepository.Claim gaveUp = claimOnly(id, now.plus(LEASE.multipliedBy(3)).plusSeconds(3));

        assertThat(gaveUp.gaveUp()).isTrue();
        EvaluationResponse failed = client.evaluations().get(id);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).startsWith("Gave up after 3 attempts: the lease of the last one expired");
        assertThat(failed.canRetry()).isTrue();
        assertThat(evaluations.claim(100, now.plus(LEASE.multipliedBy(5)), LEASE, false, 3)).isEmpty();

        // The second attempt was only slow: its result is the only one, so it is kept.
        assertThat(evaluations.completeAll(List.of(success(second, 0.25)), now)).containsExactly(uuid(id));
        assertThat(client.evaluations().get(id).status()).isEqualTo("SUCCESS");
        assertThat(client.evaluations().get(id).score()).isEqualTo(0.25);
        // A third result arriving later never replaces it.
        assertThat(evaluations.completeAll(List.of(success(third, 0.75)), now)).isEmpty();
        assertThat(client.evaluations().get(id).score()).isEqualTo(0.25);
    }

    @Test
    void completeAll_ofASupersededAttempt_landsWhenFirst_andTheNewerAttemptsResultIsDropped() {
        List<String> ids = queue(client, 1);
        String id = ids.getFirst();
        EvaluationRepository.Claim first = claimOnly(id, now);
        EvaluationRepository.Claim second = claimOnly(id, now.plus(LEASE).plusSeconds(1));

        assertThat(evaluations.completeAll(List.of(success(first, 0.5)), now)).containsExactly(uuid(id));
        assertThat(evaluations.completeAll(List.of(success(second, 0.9)), now)).isEmpty();

        assertThat(client.evaluations().get(id).score()).isEqualTo(0.5);
    }

    @Test
    void handBack_returnsUnstartedClaimsWithoutSpendingAnAttempt() {
        queue(client, 1);
        List<EvaluationRepository.Claim> claims = evaluations.claim(5, now, LEASE, false, 3);

        evaluations.handBack(claims);

        assertThat(evaluations.claim(5, now, LEASE, false, 3))
                .hasSize(5)
                .allSatisfy(claim -> assertThat(claim.attempt()).isEqualTo(1));
    }

    @Test
    void completeAll_writesAWholeBatchInOneStatement() {
        List<String> ids = queue(client, 2);
        List<EvaluationRepository.Claim> claims = evaluations.claim(10, now, LEASE, false, 3);
        List<EvaluationRepository.Completion> completions = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            completions.add(success(claims.get(i), i / 10.0));
        }

        assertThat(evaluations.completeAll(completions, now)).hasSize(10);

        for (int i = 0; i < claims.size(); i++) {
            EvaluationResponse written = client.evaluations().get(Ids.format(IdKind.EVALUATION, claims.get(i).id()));
            assertThat(written.status()).isEqualTo("SUCCESS");
            assertThat(written.score()).isEqualTo(i / 10.0);
        }
        assertThat(ids).hasSize(10);
    }

    /** Claims with every other pending row out of the way, so only {@code id} can be claimed. */
    private EvaluationRepository.Claim claimOnly(String id, Instant at) {
        jdbc.sql("UPDATE evaluations SET deleted_at = now() WHERE status = 'PENDING' AND deleted_at IS NULL AND id <> :id")
                .param("id", uuid(id))
                .update();
        List<EvaluationRepository.Claim> claims = evaluations.claim(10, at, LEASE, false, 3);
        assertThat(claims).hasSize(1);
        return claims.getFirst();
    }

    private static EvaluationRepository.Completion success(EvaluationRepository.Claim claim, double score) {
        return new EvaluationRepository.Completion(claim, EvaluationStatus.SUCCESS, score, "scored", null, false, 0, null);
    }

    /** Five deterministic evaluations for each of {@code turns} new turns of a new session. */
    private static List<String> queue(AssayClient client, int turns) {
        String sessionId = aSession(client).id();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            client.evaluations().createFromInferenceResult(aTurn(client, sessionId).id(), FIVE, null)
                    .forEach(evaluation -> ids.add(evaluation.id()));
        }
        return ids;
    }

    private static List<UUID> ids(List<EvaluationRepository.Claim> claims) {
        return claims.stream().map(EvaluationRepository.Claim::id).toList();
    }

    private static UUID uuid(String wireId) {
        return Ids.parse(IdKind.EVALUATION, wireId).orElseThrow();
    }
}
