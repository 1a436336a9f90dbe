package dev.assay.session;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdFilter;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.NotFoundException;
import dev.assay.common.PageCursor;
import dev.assay.common.StrictIds;
import dev.assay.common.Timestamps;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.testcase.TestCaseSelection;
import dev.assay.testcase.TestCaseService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import static java.util.Objects.requireNonNull;

/** Sessions: creating them under a version, reading, updating, finishing and deleting them. */
@Service
public class SessionService {
    /**
     * The longest {@code customId}, as {@code CreateSessionRequest} declares: the unique index on
     * (version, customId) cannot hold entries beyond about 2.7 kB.
     */
    static final int MAX_CUSTOM_ID_LENGTH = 500;

    private final SessionRepository sessions;
    private final ProductService products;
    private final TestCaseService testCases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionService(SessionRepository sessions, ProductService products, TestCaseService testCases,
            ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.products = products;
        this.testCases = testCases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a session under the new rules of docs/reference/galtea-contract.md §3.2. A test case must be a live
     * one of the caller's organization (404 otherwise); the session takes its {@code context}.
     */
    @Transactional
    public Session create(Caller caller, NewSession request) {
        if (request.versionId() == null && request.productId() == null) {
            throw AssayException.invalid("One of versionId or productId is required");
        }
        SessionDetails details = request.details();
        String testCaseId = details.testCaseId();
        if (Boolean.TRUE.equals(request.isProduction()) && testCaseId != null) {
            throw AssayException.invalid("testCaseId must not be set for a production session (isProduction is true)");
        }
        if (testCaseId != null && details.context() != null) {
            throw AssayException.invalid("context must not be set together with testCaseId: it comes from the test case");
        }
        if (testCaseId != null) {
            details = details.toBuilder().context(testCases.getTestCase(caller, testCaseId).context()).build();
        }
        String versionId = request.versionId();
        Version version = versionId != null
                ? products.getVersion(caller, versionId)
                : products.latestVersion(caller, requireNonNull(request.productId(), "productId"));
        SessionStatus status = request.status() == null ? SessionStatus.PENDING : SessionStatus.fromWire("status", request.status());
        Session session = new Session(Ids.newId(clock), caller.organizationId(), version.id(), status, details,
                Timestamps.now(clock), null);
        sessions.insert(session);
        return session;
    }

    @Transactional(readOnly = true)
    public Session get(Caller caller, String sessionId) {
        return Ids.parse(IdKind.SESSION, sessionId)
                .flatMap(id -> sessions.find(caller.organizationId(), id))
                .orElseThrow(() -> notFound(sessionId));
    }

    /** A live session of the caller's organization by its database id. */
    @Transactional(readOnly = true)
    public Session getById(Caller caller, UUID sessionId) {
        return sessions.find(caller.organizationId(), sessionId)
                .orElseThrow(() -> notFound(Ids.format(IdKind.SESSION, sessionId)));
    }

    /**
     * The live session turns are appended to, locked until the caller's transaction ends so that
     * concurrent appends get consecutive indices. Must run inside the caller's transaction.
     */
    @Transactional
    public LockedSession lockForAppend(Caller caller, String sessionId) {
        return Ids.parse(IdKind.SESSION, sessionId)
                .flatMap(id -> sessions.lock(caller.organizationId(), id))
                .orElseThrow(() -> notFound(sessionId));
    }

    /**
     * The session with the client's own id, anchored by a version (wins) or by a product (the
     * most recent match across its versions). No match is a 400, as the contract says.
     */
    @Transactional
    public LockedSession lockByCustomId(Caller caller, String customId, @Nullable String versionId, @Nullable String productId) {
        List<UUID> versionIds;
        if (versionId != null) {
            versionIds = products.findVersion(caller, versionId).map(version -> List.of(version.id())).orElse(List.of());
        } else if (productId != null) {
            versionIds = products.versionIdsOfProduct(caller, productId);
        } else {
            throw AssayException.invalid("sessionCustomId needs a versionId or productId anchor");
        }
        Session session = sessions.findByCustomId(caller.organizationId(), versionIds, customId)
                .orElseThrow(() -> AssayException.invalid("No session with customId '" + customId + "' found"));
        return sessions.lock(caller.organizationId(), session.id()).orElseThrow(() -> notFound(customId));
    }

    /**
     * Moves the next turn index of a session locked by {@link #lockForAppend} or
     * {@link #lockByCustomId} forward to {@code next}; it never moves back. Runs in the
     * transaction that holds the lock.
     */
    @Transactional
    public void advanceTurnIndex(LockedSession locked, long next) {
        if (next > locked.nextTurnIndex()) {
            sessions.setNextTurnIndex(locked.session().id(), next);
        }
    }

    @Transactional(readOnly = true)
    public void list(Caller caller, ListQuery query, Consumer<Session> sink) {
        SessionFilter filter = filter(caller, query);
        sessions.stream(caller.organizationId(), filter, query.sort(SessionSort::fromWire), query.limit(), query.offset(), sink);
    }

    /**
     * The sessions of {@link #list(Caller, ListQuery, Consumer)}'s filters (its sort and paging aside), narrowed
     * to some statuses (none: all), newest first, strictly before {@code before} when given: keyset
     * paging that reads one index range however deep the page.
     */
    @Transactional(readOnly = true)
    public List<Session> listNewestFirst(Caller caller, ListQuery query, Set<SessionStatus> statuses,
            @Nullable PageCursor before, int limit) {
        return sessions.listNewestFirst(caller.organizationId(), filter(caller, query), statuses, before, limit);
    }

    /** The filters of the list, the strict {@code ids} checked (404). */
    private SessionFilter filter(Caller caller, ListQuery query) {
        List<String> customIds = query.texts("customIds");
        IdFilter versionIds = IdFilter.of(query, "versionIds", IdKind.VERSION);
        IdFilter productVersionIds = IdFilter.ANY;
        List<String> productIds = query.ids("productIds");
        if (!productIds.isEmpty()) {
            productVersionIds = IdFilter.resolved(productIds.stream()
                    .flatMap(productId -> products.versionIdsOfProduct(caller, productId).stream())
                    .toList());
        }
        List<String> testCaseIds = query.ids("testCaseIds");
        TestCaseSelection tests = testCases.selection(caller, query);
        SessionFilter filter = new SessionFilter(customIds, versionIds, productVersionIds, testCaseIds, tests, CreatedBetween.of(query),
                StrictIds.of(query, IdKind.SESSION));
        filter.ids().check(() -> sessions.matchingIds(caller.organizationId(), filter), ErrorCode.SESSION_NOT_FOUND, "Session");
        return filter;
    }

    @Transactional
    public Session update(Caller caller, String sessionId, SessionChanges changes) {
        Session current = get(caller, sessionId);
        if (changes.status().present() && changes.status().value() == null) {
            throw AssayException.invalidField("status", "cannot be cleared");
        }
        String customId = changes.customId().value();
        if (customId != null && customId.length() > MAX_CUSTOM_ID_LENGTH) {
            throw AssayException.invalidField("customId", "size must be between 0 and " + MAX_CUSTOM_ID_LENGTH);
        }
        Session updated = current.with(requireNonNull(changes.status().applyTo(current.status()), "status"),
                changes.applyTo(current.details()));
        sessions.update(updated);
        return updated;
    }

    /** Ends a session: COMPLETED with a stopping reason, or FAILED with an error. */
    @Transactional
    public Session finish(Caller caller, String sessionId, @Nullable String stoppingReason, @Nullable String error) {
        if ((stoppingReason == null) == (error == null)) {
            throw AssayException.invalid("Exactly one of stoppingReason or error is required");
        }
        Session current = get(caller, sessionId);
        SessionStatus status = error == null ? SessionStatus.COMPLETED : SessionStatus.FAILED;
        SessionDetails details = current.details();
        Session finished = current.with(status, details.toBuilder()
                .stoppingReason(stoppingReason == null ? details.stoppingReason() : stoppingReason)
                .error(error == null ? details.error() : error)
                .build());
        sessions.update(finished);
        return finished;
    }

    /** Soft-deletes the session; listeners of {@link SessionDeleted} remove its children in the same transaction. */
    @Transactional
    public void delete(Caller caller, String sessionId) {
        UUID id = Ids.parse(IdKind.SESSION, sessionId).orElseThrow(() -> notFound(sessionId));
        Instant now = Timestamps.now(clock);
        if (!sessions.softDelete(caller.organizationId(), id, now)) {
            throw notFound(sessionId);
        }
        events.publishEvent(new SessionDeleted(caller.organizationId(), id, now));
    }

    private static NotFoundException notFound(String sessionId) {
        return new NotFoundException(ErrorCode.SESSION_NOT_FOUND, "Session not found: " + sessionId);
    }
}
