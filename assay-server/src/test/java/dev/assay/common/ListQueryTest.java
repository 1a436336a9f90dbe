package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListQueryTest {

    private enum Field {
        CREATED_AT, NAME
    }

    private static Field field(String name) {
        return switch (name) {
            case "createdAt" -> Field.CREATED_AT;
            case "name" -> Field.NAME;
            default -> null;
        };
    }

    private static ListQuery query(String... keysAndValues) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            grouped.computeIfAbsent(keysAndValues[i], k -> new ArrayList<>()).add(keysAndValues[i + 1]);
        }
        Map<String, String[]> raw = new LinkedHashMap<>();
        grouped.forEach((key, values) -> raw.put(key, values.toArray(String[]::new)));
        return ListQuery.of(raw);
    }

    @Test
    void ids_mergesRepeatedBracketedAndCommaSeparatedValues_inOrderWithoutDuplicates() {
        ListQuery query = query("ids", "a, b", "ids", "a,,d ", "ids[]", "c");

        assertThat(query.ids("ids")).containsExactly("a", "b", "d", "c");
    }

    @Test
    void ids_whenAbsent_isEmpty() {
        assertThat(query().ids("ids")).isEmpty();
    }

    @Test
    void texts_keepCommasAndDropEmptyValues() {
        ListQuery query = query("names", "a,b", "names", "", "names[]", "c");

        assertThat(query.texts("names")).containsExactly("a,b", "c");
        assertThat(query.hasEmptyValue("names")).isTrue();
        assertThat(query("names", "x").hasEmptyValue("names")).isFalse();
    }

    @Test
    void limitAndOffset_defaultWhenAbsentOrBlank() {
        assertThat(query().limit()).isEqualTo(ListQuery.DEFAULT_LIMIT);
        assertThat(query("limit", " ").limit()).isEqualTo(ListQuery.DEFAULT_LIMIT);
        assertThat(query().offset()).isZero();
        assertThat(query("limit", "0", "offset", "7").limit()).isZero();
        assertThat(query("limit", " 25 ").limit()).isEqualTo(25);
    }

    @ParameterizedTest
    @CsvSource({"limit,-1", "limit,10001", "limit,abc", "limit,99999999999999999999", "offset,-1", "offset,2147483648"})
    void limitAndOffset_outOfRangeOrNotAnInteger_areInvalidRequests(String name, String value) {
        ListQuery query = query(name, value);

        assertThatThrownBy(() -> {
            int ignored = name.equals("limit") ? query.limit() : query.offset();
        })
                .isInstanceOfSatisfying(AssayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.fieldErrors()).extracting(AssayException.FieldError::field).containsExactly(name);
                });
    }

    @Test
    void aSingleValuedParameterGivenTwice_isAnInvalidRequest() {
        assertThatThrownBy(() -> query("limit", "1", "limit", "2").limit())
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.getMessage()).contains("must be given once"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T10:15:30Z, 2026-11-23T10:15:30Z",
            "2026-11-23T12:15:30+02:00, 2026-11-23T10:15:30Z",
            // An unencoded '+' of an offset arrives as a space.
            "2026-11-23T12:15:30 02:00, 2026-11-23T10:15:30Z",
            "2026-11-23T10:15:30, 2026-11-23T10:15:30Z",
            "2026-11-23, 2026-11-23T00:00:00Z",
            "1763892930, 2025-11-23T10:15:30Z",
            "1763892930123, 2025-11-23T10:15:30.123Z"
    })
    void instant_readsIsoDatesAndEpochSecondsOrMilliseconds(String sent, String expected) {
        assertThat(query("fromCreatedAt", sent).instant("fromCreatedAt")).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2026-13-01", "10000-01-01T00:00:00Z", "99999999999999999999"})
    void instant_unparseableOrOutOfRange_isAnInvalidRequestNamingTheParameter(String sent) {
        ListQuery query = query("toCreatedAt", sent);

        assertThatThrownBy(() -> query.instant("toCreatedAt"))
                .isInstanceOfSatisfying(AssayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.fieldErrors()).extracting(AssayException.FieldError::field).containsExactly("toCreatedAt");
                });
    }

    @Test
    void flag_acceptsTrueFalseOneZeroAndABareFlag() {
        assertThat(query("f", "TRUE").flag("f")).contains(true);
        assertThat(query("f", "1").flag("f")).contains(true);
        assertThat(query("f", "").flag("f")).contains(true);
        assertThat(query("f", "false").flag("f")).contains(false);
        assertThat(query("f", "0").flag("f")).contains(false);
        assertThat(query().flag("f")).isEmpty();
        assertThatThrownBy(() -> query("f", "yes").flag("f")).isInstanceOf(AssayException.class);
    }

    @Test
    void sort_acceptsEveryGrammar() {
        List<ListQuery.SortKey<Field>> expected = List.of(new ListQuery.SortKey<>(Field.CREATED_AT, true),
                new ListQuery.SortKey<>(Field.NAME, false));

        assertThat(query("sort", "createdAt", "sort", "desc", "sort", "name").sort(ListQueryTest::field)).isEqualTo(expected);
        assertThat(query("sort[]", "createdAt", "sort[]", "DESC", "sort[]", "name", "sort[]", "asc").sort(ListQueryTest::field))
                .isEqualTo(expected);
        assertThat(query("sort", "createdAt,desc,name").sort(ListQueryTest::field)).isEqualTo(expected);
        assertThat(query("sort", "-createdAt", "sort", "+name").sort(ListQueryTest::field)).isEqualTo(expected);
        assertThat(query().sort(ListQueryTest::field)).isEmpty();
    }

    @Test
    void sort_unknownFieldOrLeadingDirection_isAnInvalidRequest() {
        assertThatThrownBy(() -> query("sort", "password").sort(ListQueryTest::field))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.getMessage()).contains("Invalid sort field: password"));
        assertThatThrownBy(() -> query("sort", "desc").sort(ListQueryTest::field))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.getMessage()).contains("has no field before it"));
    }
}
