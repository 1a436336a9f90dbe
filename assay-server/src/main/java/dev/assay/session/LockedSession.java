package dev.assay.session;

/**
 * A live session locked for an append until the caller's transaction ends, with the index its
 * next turn gets: one more than the highest index it ever held, deleted turns included.
 */
public record LockedSession(Session session, long nextTurnIndex) {}
