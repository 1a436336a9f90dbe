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
        FieldChange<String> error) {}
