package dev.assay.evaluation;

import dev.assay.common.Timestamps;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the leases of the claims this instance is working on: every {@code heartbeat} it extends
 * them all, in one statement, to a full lease from now. A lease therefore expires only when its
 * worker stopped (killed, lost, or its heartbeat could not reach the database for a whole lease),
 * never because scoring was slow, and a live scorer is not claimed again. Claims are held from the
 * claim until their result is written or they are handed back.
 */
@Component
class LeaseHeartbeat {
    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final EvaluationRepository evaluations;
    private final WorkerProperties properties;
    private final Clock clock;
    private final Set<EvaluationRepository.Claim> held = ConcurrentHashMap.newKeySet();
    private volatile boolean beating;
    private @Nullable Thread thread;

    LeaseHeartbeat(EvaluationRepository evaluations, WorkerProperties properties, Clock clock) {
        this.evaluations = evaluations;
        this.properties = properties;
        this.clock = clock;
    }

    void hold(Collection<EvaluationRepository.Claim> claims) {
        held.addAll(claims);
    }

    void release(Collection<EvaluationRepository.Claim> claims) {
        claims.forEach(held::remove);
    }

    void release(EvaluationRepository.Claim claim) {
        held.remove(claim);
    }

    /** The claims held now: those a stopping worker has not finished. */
    List<EvaluationRepository.Claim> held() {
        return List.copyOf(held);
    }

    void start() {
        beating = true;
        thread = Thread.ofPlatform().name("evaluation-heartbeat").daemon().start(this::beatUntilStopped);
    }

    void stop() {
        beating = false;
        Thread beating = thread;
        if (beating != null) {
            beating.interrupt();
        }
    }

    private void beatUntilStopped() {
        while (beating) {
            try {
                Thread.sleep(properties.heartbeat());
            } catch (InterruptedException e) {
                return;
            }
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("Renewing the leases of running evaluations failed; trying again in {}", properties.heartbeat(), e);
            }
        }
    }

    /** Renews every held lease once; claims no longer current are dropped from the set. */
    void beat() {
        List<EvaluationRepository.Claim> claims = List.copyOf(held);
        if (claims.isEmpty()) {
            return;
        }
        Set<UUID> renewed = evaluations.renewLeases(claims, Timestamps.now(clock).plus(properties.lease()));
        for (EvaluationRepository.Claim claim : claims) {
            if (!renewed.contains(claim.id()) && held.remove(claim)) {
                log.info("Evaluation {} attempt {} is no longer this worker's: its lease expired and it was claimed again",
                        claim.id(), claim.attempt());
            }
        }
    }
}
