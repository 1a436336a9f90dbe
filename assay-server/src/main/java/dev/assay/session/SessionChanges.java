package dev.assay.session;

import dev.assay.common.FieldChange;
import java.util.Map;

/** The fields a session update may change; each absent, cleared or set. */
public record SessionChanges(
        FieldChange<String> customId,
        FieldChange<SessionStatus> status,
        FieldChange<String> context,
        FieldChange<String> stoppingReason,
        FieldChange<Map<String, Object>> metadata,
        FieldChange<String> error) {

    /** The details with these changes applied ({@code status} aside, which is not a detail). */
    SessionDetails applyTo(SessionDetails current) {
        return current.toBuilder()
                .customId(customId.applyTo(current.customId()))
                .context(context.applyTo(current.context()))
                .stoppingReason(stoppingReason.applyTo(current.stoppingReason()))
                .metadata(metadata.applyTo(current.metadata()))
                .error(error.applyTo(current.error()))
                .build();
    }
}
