package dev.assay.common;

import org.jspecify.annotations.Nullable;

/**
 * One field of a PATCH: absent (leave unchanged), or present with a value or {@code null} (clear).
 *
 * @param present whether the field was sent
 * @param value the new value; {@code null} with {@code present} means clear
 */
public record FieldChange<T>(boolean present, @Nullable T value) {
    private static final FieldChange<?> ABSENT = new FieldChange<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> FieldChange<T> absent() {
        return (FieldChange<T>) ABSENT;
    }

    public static <T> FieldChange<T> of(@Nullable T value) {
        return new FieldChange<>(true, value);
    }

    /** The new value when present, otherwise the current one. */
    public @Nullable T applyTo(@Nullable T current) {
        return present ? value : current;
    }
}
