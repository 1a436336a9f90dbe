package dev.assay.session;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.SessionResponse;
import dev.assay.common.FieldChange;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.JsonFields;
import dev.assay.common.Timestamps;
import tools.jackson.databind.JsonNode;

final class SessionMapper {

    private SessionMapper() {}

    static NewSession toNewSession(CreateSessionRequest request) {
        return new NewSession(request.versionId(), request.productId(), request.isProduction(), request.status(),
                SessionDetails.builder()
                        .customId(request.customId())
                        .testCaseId(request.testCaseId())
                        .context(request.context())
                        .metadata(request.metadata())
                        .build());
    }

    static SessionChanges toChanges(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        FieldChange<String> status = fields.text("status");
        FieldChange<SessionStatus> parsedStatus = status.present() && status.value() != null
                ? FieldChange.of(SessionStatus.fromWire("status", status.value()))
                : status.present() ? FieldChange.of(null) : FieldChange.absent();
        return new SessionChanges(fields.text("customId"), parsedStatus, fields.text("context"),
                fields.text("stoppingReason"), fields.object("metadata"), fields.text("error"));
    }

    static SessionResponse toResponse(Session session) {
        SessionDetails details = session.details();
        return new SessionResponse(Ids.format(IdKind.SESSION, session.id()), details.customId(),
                Ids.format(IdKind.VERSION, session.versionId()), details.userId(), details.testCaseId(),
                details.context(), details.stoppingReason(), details.error(), session.status().name(),
                details.metadata(), Timestamps.format(session.createdAt()), Timestamps.formatNullable(session.deletedAt()));
    }
}
