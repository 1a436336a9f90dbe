package dev.assay.web;

import dev.assay.common.AssayException;
import dev.assay.common.ListQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link ListQuery} the public services take from the dashboard's own filter fields,
 * with the parameter names of the API's list endpoints.
 */
final class Params {
    private final Map<String, String[]> values = new LinkedHashMap<>();

    static Params of(String... namesAndValues) {
        Params params = new Params();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** Adds the parameter unless the value is blank (an empty filter field means no filter). */
    Params put(String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, new String[]{value.strip()});
        }
        return this;
    }

    ListQuery query() {
        return ListQuery.of(values);
    }

    /** The first instant of a {@code yyyy-MM-dd} day in UTC, or null for a blank field. */
    static @Nullable String startOfDay(String field, @Nullable String day) {
        return day == null || day.isBlank() ? null : parseDay(field, day).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    /** The last microsecond of a {@code yyyy-MM-dd} day in UTC, so "to" includes the whole day. */
    static @Nullable String endOfDay(String field, @Nullable String day) {
        return day == null || day.isBlank()
                ? null
                : parseDay(field, day).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000).toString();
    }

    static @Nullable Double score(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw AssayException.invalidField(field, "must be a number, such as 0.5");
        }
    }

    private static LocalDate parseDay(String field, String day) {
        try {
            LocalDate date = LocalDate.parse(day.strip());
            if (date.getYear() < 1970 || date.getYear() > 9998) {
                throw AssayException.invalidField(field, "must be a date between 1970 and 9998");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw AssayException.invalidField(field, "must be a date such as 2026-01-31");
        }
    }
}
