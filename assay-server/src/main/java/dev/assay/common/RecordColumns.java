package dev.assay.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * The columns of a record, derived from its components so that a field is declared once, in the
 * record (docs/architecture.md, "Where a change goes"). Component {@code stoppingReason} is column
 * {@code stopping_reason} and parameter {@code :stoppingReason}; a component whose type is itself a
 * record contributes its own components, flattened. The select list, an insert's columns and
 * values (one row or many through {@code unnest}), an update's assignments, their parameters and
 * the row mapping all come from here, so they cannot disagree.
 *
 * <p>Component types and their columns: {@code String} text, {@code int}/{@code Integer} int4,
 * {@code long}/{@code Long} int8, {@code double}/{@code Double} float8, {@code boolean}/{@code Boolean}
 * bool, {@code Instant} timestamptz, {@code UUID} uuid, an enum text (its name), a {@code Map} a
 * jsonb object, a {@code List} (of strings) text[]. A primitive component reads SQL NULL as 0 or
 * false; the others read it as null, except a list, which reads it as empty.
 *
 * @param <R> the record
 */
public final class RecordColumns<R extends Record> {
    private final Constructor<R> constructor;
    private final List<Part> parts;
    private final List<Column> columns;

    private RecordColumns(Class<R> type, Map<String, String> renamed) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
        constructor.setAccessible(true);
        List<Part> derived = new ArrayList<>();
        List<Column> flat = new ArrayList<>();
        for (RecordComponent component : components) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                RecordColumns<?> nested = new RecordColumns<>(componentType.asSubclass(Record.class), renamed);
                derived.add(new Part(accessor, null, nested));
                flat.addAll(nested.columns);
            } else {
                String name = component.getName();
                Column column = new Column(name, renamed.getOrDefault(name, snakeCase(name)), Kind.of(componentType), componentType);
                derived.add(new Part(accessor, column, null));
                flat.add(column);
            }
        }
        parts = List.copyOf(derived);
        columns = List.copyOf(flat);
    }

    /** The columns of {@code type}, each named after its component. */
    public static <R extends Record> RecordColumns<R> of(Class<R> type) {
        return new RecordColumns<>(type, Map.of());
    }

    /** The columns of {@code type}, with some components stored under another column name (component name to column). */
    public static <R extends Record> RecordColumns<R> of(Class<R> type, Map<String, String> renamed) {
        return new RecordColumns<>(type, renamed);
    }

    /** The select list, each column qualified by {@code alias} ({@code s.custom_id, s.metadata::text AS metadata}). */
    public String select(String alias) {
        return columns.stream().map(column -> column.select(alias)).collect(Collectors.joining(", "));
    }

    /** The column names, for an insert's column list. */
    public String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The values of a one-row insert ({@code :customId, :metadata::jsonb}), bound by {@link #params}. */
    public String values() {
        return columns.stream().map(column -> ":" + column.param() + column.kind().cast).collect(Collectors.joining(", "));
    }

    /** The assignments of an update ({@code custom_id = :customId, ...}), bound by {@link #params}. */
    public String assignments() {
        return columns.stream()
                .map(column -> column.name() + " = :" + column.param() + column.kind().cast)
                .collect(Collectors.joining(", "));
    }

    /** The parameters of {@link #values()} and {@link #assignments()} for one record. */
    public Map<String, @Nullable Object> params(R value) {
        Map<String, @Nullable Object> params = new HashMap<>();
        forEachValue(value, (column, columnValue) -> params.put(column.param(), column.kind().parameter(columnValue)));
        return params;
    }

    /** The parameters of an {@code unnest} for many rows: one array per column, named as in {@link #params}. */
    public <T> Map<String, @Nullable Object> arrays(List<T> rows, Function<T, R> record) {
        List<@Nullable Object[]> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            values.add(new Object[rows.size()]);
        }
        for (int row = 0; row < rows.size(); row++) {
            int index = row;
            int[] column = {0};
            forEachValue(record.apply(rows.get(row)), (ignored, columnValue) -> {
                values.get(column[0])[index] = columns.get(column[0]).kind().arrayElement(columnValue);
                column[0]++;
            });
        }
        Map<String, @Nullable Object> params = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            params.put(columns.get(i).param(), new SqlArrayValue(columns.get(i).kind().arrayType, values.get(i)));
        }
        return params;
    }

    /** The arguments of {@code unnest(...)}: the parameters of {@link #arrays}. */
    public String unnestParams() {
        return columns.stream().map(column -> ":" + column.param()).collect(Collectors.joining(", "));
    }

    /** The selected values of the rows an {@code unnest(...) AS alias(names())} yields, cast back to their column types. */
    public String unnestValues(String alias) {
        return columns.stream().map(column -> column.kind().unnested(alias + "." + column.name())).collect(Collectors.joining(", "));
    }

    /** Reads the record from the current row of a query that selected {@link #select}. */
    public R read(ResultSet rs) throws SQLException {
        return read(rs, null);
    }

    /** As {@link #read(ResultSet)}, counting every text it reads in {@code chars} (a streamed list's fetch budget). */
    public R read(ResultSet rs, Sql.@Nullable RowChars chars) throws SQLException {
        @Nullable
        Object[] arguments = new Object[parts.size()];
        for (int i = 0; i < arguments.length; i++) {
            Part part = parts.get(i);
            Column column = part.column();
            RecordColumns<?> nested = part.nested();
            arguments[i] = column != null ? column.read(rs, chars) : requireNonNullPart(nested).read(rs, chars);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordColumns<?> requireNonNullPart(@Nullable RecordColumns<?> nested) {
        if (nested == null) {
            throw new IllegalStateException("a part is a column or a nested record");
        }
        return nested;
    }

    private void forEachValue(Object record, ValueSink sink) {
        for (Part part : parts) {
            Object value = invoke(part.accessor(), record);
            Column column = part.column();
            if (column != null) {
                sink.accept(column, value);
            } else if (value != null) {
                requireNonNullPart(part.nested()).forEachValue(value, sink);
            } else {
                throw new IllegalArgumentException("nested record " + part.accessor().getName() + " is null");
            }
        }
    }

    private static @Nullable Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface ValueSink {
        void accept(Column column, @Nullable Object value);
    }

    /** A component: one column, or a nested record's columns. */
    private record Part(Method accessor, @Nullable Column column, @Nullable RecordColumns<?> nested) {}

    private record Column(String param, String name, Kind kind, Class<?> type) {

        String select(String alias) {
            return kind == Kind.JSON ? alias + "." + name + "::text AS " + name : alias + "." + name;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        @Nullable
        Object read(ResultSet rs, Sql.@Nullable RowChars chars) throws SQLException {
            boolean primitive = type.isPrimitive();
            return switch (kind) {
                case TEXT -> count(chars, rs.getString(name));
                // Boxed on purpose: a conditional of int and Integer would unbox SQL NULL.
                case INT -> primitive ? (Object) rs.getInt(name) : Sql.nullableInt(rs, name);
                case BIGINT -> primitive ? (Object) rs.getLong(name) : Sql.nullableLong(rs, name);
                case FLOAT8 -> primitive ? (Object) rs.getDouble(name) : Sql.nullableDouble(rs, name);
                case BOOL -> {
                    boolean value = rs.getBoolean(name);
                    yield primitive || !rs.wasNull() ? (Object) value : null;
                }
                case TIMESTAMP -> Sql.instant(rs, name);
                case UUID -> Sql.uuid(rs, name);
                case ENUM -> {
                    String value = rs.getString(name);
                    yield value == null ? null : Enum.valueOf((Class) type, value);
                }
                case JSON -> JsonValues.readObject(count(chars, rs.getString(name)));
                case TEXT_ARRAY -> Sql.textArray(rs, name);
            };
        }

        private static @Nullable String count(Sql.@Nullable RowChars chars, @Nullable String text) {
            return chars == null ? text : chars.add(text);
        }
    }

    private enum Kind {
        TEXT("text", ""), INT("int4", ""), BIGINT("int8", ""), FLOAT8("float8", ""), BOOL("bool", ""), TIMESTAMP("timestamptz",
                ""), UUID("uuid", ""), ENUM("text", ""), JSON("text", "::jsonb"),
        /** Through {@code unnest}, one text[] literal per row: unnest cannot take an array of arrays of varying length. */
        TEXT_ARRAY("text", "");

        final String arrayType;
        final String cast;

        Kind(String arrayType, String cast) {
            this.arrayType = arrayType;
            this.cast = cast;
        }

        static Kind of(Class<?> type) {
            if (type == String.class) {
                return TEXT;
            } else if (type == int.class || type == Integer.class) {
                return INT;
            } else if (type == long.class || type == Long.class) {
                return BIGINT;
            } else if (type == double.class || type == Double.class) {
                return FLOAT8;
            } else if (type == boolean.class || type == Boolean.class) {
                return BOOL;
            } else if (type == Instant.class) {
                return TIMESTAMP;
            } else if (type == java.util.UUID.class) {
                return UUID;
            } else if (type.isEnum()) {
                return ENUM;
            } else if (type == Map.class) {
                return JSON;
            } else if (type == List.class) {
                return TEXT_ARRAY;
            }
            throw new IllegalArgumentException("no column type for " + type);
        }

        /** The value bound for one row. */
        @SuppressWarnings("unchecked")
        @Nullable
        Object parameter(@Nullable Object value) {
            return switch (this) {
                case TIMESTAMP -> Sql.timestamp((Instant) value);
                case ENUM -> value == null ? null : ((Enum<?>) value).name();
                case JSON -> JsonValues.write((Map<String, Object>) value);
                case TEXT_ARRAY -> value == null ? null : new SqlArrayValue("text", ((List<?>) value).toArray());
                default -> value;
            };
        }

        /** The element of an {@code unnest} array for one row. */
        @SuppressWarnings("unchecked")
        @Nullable
        Object arrayElement(@Nullable Object value) {
            return switch (this) {
                case TEXT_ARRAY -> value == null ? null : textArrayLiteral((List<String>) value);
                default -> parameter(value);
            };
        }

        String unnested(String value) {
            return switch (this) {
                case JSON -> value + "::jsonb";
                case TEXT_ARRAY -> "CAST(" + value + " AS text[])";
                default -> value;
            };
        }
    }

    /** A PostgreSQL array literal of texts, each element quoted. */
    static String textArrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
