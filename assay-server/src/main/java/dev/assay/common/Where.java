package dev.assay.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;

/**
 * Collects the conditions and named parameters of a list query. Conditions are fixed SQL text
 * written by the repository; only values travel as parameters.
 */
public final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, @Nullable Object> parameters = new LinkedHashMap<>();

    /** Starts with the tenant condition every query on tenant-owned data carries. */
    public static Where tenant(String alias, Object organizationId) {
        Where where = new Where();
        where.add(alias + ".organization_id = :organizationId", "organizationId", organizationId);
        return where;
    }

    public Where add(String condition) {
        conditions.add(condition);
        return this;
    }

    public Where add(String condition, String parameter, @Nullable Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Adds the inclusive {@code fromCreatedAt} / {@code toCreatedAt} bounds of a list query. */
    public Where createdBetween(String alias, ListQuery query) {
        return createdBetween(alias, CreatedBetween.of(query));
    }

    /** Adds the bounds given on {@code alias.created_at}. */
    public Where createdBetween(String alias, CreatedBetween bounds) {
        Instant from = bounds.from();
        if (from != null) {
            add(alias + ".created_at >= :fromCreatedAt", "fromCreatedAt", Sql.timestamp(from));
        }
        Instant to = bounds.to();
        if (to != null) {
            add(alias + ".created_at <= :toCreatedAt", "toCreatedAt", Sql.timestamp(to));
        }
        return this;
    }

    /**
     * Adds {@code column IN (:parameter)} for a relation filter of wire ids. Unparseable ids match
     * nothing; when none parse the condition is false, so the list is empty (200 {@code []}).
     */
    public Where relation(String column, String parameter, List<String> wireIds, IdKind kind) {
        return relation(column, parameter, IdFilter.of(wireIds, kind));
    }

    /**
     * Adds {@code column IN (:parameter)} for a parsed relation filter: nothing when it was not
     * requested, {@code false} when it was and no id parsed.
     */
    public Where relation(String column, String parameter, IdFilter filter) {
        if (!filter.requested()) {
            return this;
        }
        if (filter.ids().isEmpty()) {
            return add("false");
        }
        return add(column + " IN (:" + parameter + ")", parameter, filter.ids());
    }

    /**
     * Adds {@code column IN (:parameter)} for a filter of plain values (names, statuses): nothing
     * when {@code values} is empty, which means the filter was not given.
     */
    public Where in(String column, String parameter, Collection<?> values) {
        return values.isEmpty() ? this : add(column + " IN (:" + parameter + ")", parameter, values);
    }

    public Where param(String parameter, @Nullable Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** Copies this query's parameters into another, for a condition written as a sub-select. */
    public void copyParametersTo(Where other) {
        other.parameters.putAll(parameters);
    }

    public String sql() {
        return "WHERE " + String.join(" AND ", conditions);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.params(parameters);
    }
}
