package dev.assay.session;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the deleting transaction, so that features owning a session's children (its
 * turns, its evaluations) soft-delete them in the same transaction.
 */
public record SessionDeleted(UUID organizationId, UUID sessionId, Instant deletedAt) {}
