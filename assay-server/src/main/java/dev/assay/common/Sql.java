package dev.assay.common;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Conversions between domain values and JDBC values that every repository needs. */
public final class Sql {

    private Sql() {}

    /** A timestamp parameter that pgjdbc binds as {@code timestamptz}. */
    public static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    public static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A {@code text[]} column as a list; SQL NULL reads as an empty list. */
    public static List<String> textArray(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    /** A {@code text[]} column as a list, or {@code null} for SQL NULL. */
    public static java.util.@Nullable List<String> nullableTextArray(ResultSet rs, String column) throws SQLException {
        return rs.getArray(column) == null ? null : textArray(rs, column);
    }

    public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * Sizes the fetches of a streamed query by the size of its rows: each fetch holds about
     * {@link #CHARS} characters, whatever one row holds (at least one row, at most
     * {@link #MAX_ROWS}). The driver reads a whole fetch into memory, so this bounds what one
     * streamed list holds at a time.
     */
    public static final class FetchBudget {
        public static final int FIRST_FETCH = 8;
        static final long CHARS = 2L << 20;
        static final int MAX_ROWS = 1000;
        private long largestRow = 1;
        private int fetchSize = FIRST_FETCH;

        /** Called after each row with its approximate size in characters; changes the next fetch's size. */
        public void adapt(ResultSet rs, long rowChars) throws SQLException {
            largestRow = Math.max(largestRow, rowChars);
            int rows = (int) Math.max(1, Math.min(MAX_ROWS, CHARS / largestRow));
            if (rows != fetchSize) {
                rs.setFetchSize(rows);
                fetchSize = rows;
            }
        }
    }

    /**
     * Runs a query and hands its rows to {@code sink} as they are read, each fetch sized by the
     * {@link FetchBudget} from what the reader counted of the rows so far. Memory stays bounded
     * whatever the row count; must run inside a transaction, or the driver reads every row at once.
     */
    public static <T> void stream(JdbcClient.StatementSpec statement, StreamedRow<T> reader, Consumer<T> sink) {
        FetchBudget budget = new FetchBudget();
        RowChars chars = new RowChars();
        statement.withFetchSize(FetchBudget.FIRST_FETCH).query((RowCallbackHandler) rs -> {
            chars.count = 256;
            T row = reader.read(rs, chars);
            budget.adapt(rs, chars.count);
            sink.accept(row);
        });
    }

    /** Maps one row of a streamed query, adding its large values to {@code chars}. */
    @FunctionalInterface
    public interface StreamedRow<T> {
        T read(ResultSet rs, RowChars chars) throws SQLException;
    }

    /** The approximate size of one row in characters: a fixed part for its small columns, plus its texts. */
    public static final class RowChars {
        private long count;

        RowChars() {}

        /** Counts {@code text} and returns it. */
        public @Nullable String add(@Nullable String text) {
            if (text != null) {
                count += text.length();
            }
            return text;
        }
    }

    public static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
