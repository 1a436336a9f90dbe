package dev.assay.client;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.SessionResponse;
import dev.assay.api.UpdateSessionRequest;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** Sessions ({@code galtea.sessions}): one conversation each. */
public final class SessionService {
    private final Transport transport;

    SessionService(Transport transport) {
        this.transport = transport;
    }

    public SessionResponse create(CreateSessionRequest request) {
        return transport.send("POST", "sessions", request, SessionResponse.class);
    }

    public SessionResponse get(String sessionId) {
        return transport.send("GET", "sessions/" + Paths.segment(sessionId), null, SessionResponse.class);
    }

    /** The version's session with this custom id, as the Python SDK finds it (a filtered list). */
    public Optional<SessionResponse> getByCustomId(String customId, String versionId) {
        return list(ListOptions.none().filter("customIds", customId).filter("versionIds", versionId))
                .stream()
                .findFirst();
    }

    /** The version's session with this custom id, created when there is none yet. */
    public SessionResponse getOrCreate(String customId, String versionId) {
        return getByCustomId(customId, versionId)
                .orElseGet(() -> create(CreateSessionRequest.forVersion(versionId, customId)));
    }

    public List<SessionResponse> list(ListOptions options) {
        return transport.send("GET", "sessions" + options.toQueryString(), null, new TypeReference<List<SessionResponse>>() {});
    }

    public SessionResponse update(String sessionId, UpdateSessionRequest request) {
        return transport.send("PATCH", "sessions/" + Paths.segment(sessionId), request, SessionResponse.class);
    }

    /** Ends the session: COMPLETED with a stopping reason, or FAILED with an error. */
    public SessionResponse finish(String sessionId, FinishSessionRequest request) {
        return transport.send("PATCH", "sessions/" + Paths.segment(sessionId) + "/finish", request, SessionResponse.class);
    }

    /** Deletes the session and its turns. */
    public void delete(String sessionId) {
        transport.sendWithoutResult("DELETE", "sessions/" + Paths.segment(sessionId), null);
    }
}
