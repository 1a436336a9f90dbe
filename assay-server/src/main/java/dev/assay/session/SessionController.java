package dev.assay.session;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.SessionResponse;
import dev.assay.auth.Caller;
import dev.assay.common.JsonArrayStream;
import dev.assay.common.ListQuery;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
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
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/sessions")
class SessionController {
    private final SessionService sessions;
    private final JsonMapper json;

    SessionController(SessionService sessions, JsonMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<SessionResponse> create(Caller caller, @Valid @RequestBody CreateSessionRequest request) {
        SessionResponse body = SessionMapper.toResponse(sessions.create(caller, SessionMapper.toNewSession(request)));
        return ResponseEntity.created(URI.create("/sessions/" + body.id())).body(body);
    }

    /** Streams the page: rows are written as they are read (common/JsonArrayStream). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SessionResponse.class))))
    void list(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        ListQuery query = ListQuery.of(request.getParameterMap());
        JsonArrayStream.write(response, json,
                sink -> sessions.list(caller, query, session -> sink.accept(SessionMapper.toResponse(session))));
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
