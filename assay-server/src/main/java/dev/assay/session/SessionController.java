package dev.assay.session;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.SessionResponse;
import dev.assay.auth.Caller;
import dev.assay.common.ListQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/sessions")
class SessionController {
    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    ResponseEntity<SessionResponse> create(Caller caller, @Valid @RequestBody CreateSessionRequest request) {
        SessionResponse body = SessionMapper.toResponse(sessions.create(caller, SessionMapper.toNewSession(request)));
        return ResponseEntity.created(URI.create("/sessions/" + body.id())).body(body);
    }

    @GetMapping
    List<SessionResponse> list(Caller caller, HttpServletRequest request) {
        return sessions.list(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(SessionMapper::toResponse)
                .toList();
    }

    @GetMapping("/{id}")
    SessionResponse get(Caller caller, @PathVariable String id) {
        return SessionMapper.toResponse(sessions.get(caller, id));
    }

    @PatchMapping("/{id}")
    SessionResponse update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return SessionMapper.toResponse(sessions.update(caller, id, SessionMapper.toChanges(body)));
    }

    @PatchMapping("/{id}/finish")
    SessionResponse finish(Caller caller, @PathVariable String id, @RequestBody FinishSessionRequest request) {
        return SessionMapper.toResponse(sessions.finish(caller, id, request.stoppingReason(), request.error()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        sessions.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
