package dev.assay.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads list-endpoint query parameters in every encoding Galtea clients use
 * (docs/reference/galtea-contract.md §7.4): repeated keys, bracketed keys ({@code ids[]=a}), comma lists for
 * id and enum parameters, several sort grammars, and ISO 8601 or epoch date bounds.
 */
public final class ListQuery {
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final Map<String, List<String>> parameters;

    private ListQuery(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** Normalises raw servlet parameters: {@code k}, {@code k[]} and {@code k%5B%5D} are one parameter. */
    public static ListQuery of(Map<String, String[]> raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            String key = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).addAll(List.of(values));
        });
        return new ListQuery(parameters);
    }

    /** An id or enum list: every occurrence, split on commas, trimmed, empties dropped, in order. */
    public List<String> ids(String name) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String part : value.split(",", -1)) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        return List.copyOf(values);
    }

    /** A free-text list: every occurrence as sent, never split on commas; empties dropped. */
    public List<String> texts(String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(value -> !value.isEmpty()).toList();
    }

    /** Whether the parameter was sent with an empty value ({@code testIds=} selects rows without a test). */
    public boolean hasEmptyValue(String name) {
        return parameters.getOrDefault(name, List.of()).stream().anyMatch(String::isEmpty);
    }

    public int limit() {
        return integer("limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
    }

    public int offset() {
        return integer("offset", 0, 0, Integer.MAX_VALUE);
    }

    public Optional<Instant> instant(String name) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        Instant instant;
        try {
            instant = parseInstant(text);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw AssayException.invalidField(name, "not an ISO 8601 date-time or epoch seconds: '" + text + "'");
        }
        // PostgreSQL refuses timestamps far outside this range; a bound beyond it is a client error, not a 500.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw AssayException.invalidField(name, "must be between years 0000 and 9999: '" + text + "'");
        }
        return Optional.of(instant);
    }

    /** A boolean flag: {@code true}/{@code 1} or {@code false}/{@code 0}; a bare flag means true. */
    public Optional<Boolean> flag(String name) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> throw AssayException.invalidField(name, "must be true or false");
        };
    }

    /**
     * The sort keys, resolved against the endpoint's whitelist. Accepts {@code sort=createdAt&sort=desc},
     * {@code sort[]=createdAt&sort[]=desc}, {@code sort=createdAt,desc} and {@code sort=-createdAt}.
     */
    public <F> List<SortKey<F>> sort(Function<String, @Nullable F> fields) {
        List<String> tokens = new ArrayList<>();
        for (String value : parameters.getOrDefault("sort", List.of())) {
            for (String part : value.split(",", -1)) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    tokens.add(trimmed);
                }
            }
        }
        List<SortKey<F>> keys = new ArrayList<>();
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("asc") || lower.equals("desc")) {
                if (keys.isEmpty()) {
                    throw AssayException.invalidField("sort", "direction '" + token + "' has no field before it");
                }
                SortKey<F> last = keys.removeLast();
                keys.add(new SortKey<>(last.field(), lower.equals("desc")));
                continue;
            }
            boolean descending = token.startsWith("-");
            String name = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
            F field = fields.apply(name);
            if (field == null) {
                throw AssayException.invalidField("sort", "Invalid sort field: " + name);
            }
            keys.add(new SortKey<>(field, descending));
        }
        return List.copyOf(keys);
    }

    private Optional<String> single(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw AssayException.invalidField(name, "must be given once");
        }
        return Optional.of(values.getFirst());
    }

    private int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = single(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.get().strip());
        } catch (NumberFormatException e) {
            throw AssayException.invalidField(name, "must be an integer");
        }
        if (parsed < min || parsed > max) {
            throw AssayException.invalidField(name, "must be between " + min + " and " + max);
        }
        return (int) parsed;
    }

    static Instant parseInstant(String raw) {
        // An unencoded '+' of an offset arrives as a space.
        String text = raw.replace(' ', '+');
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            long number = Long.parseLong(text);
            return number >= 1_000_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // No offset: read as UTC.
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    /** One sort instruction. */
    public record SortKey<F>(F field, boolean descending) {}
}
