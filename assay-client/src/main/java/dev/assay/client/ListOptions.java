package dev.assay.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filters, sort and paging of a list call, written on the wire the way the Galtea Python SDK
 * writes them ({@code sessionIds[]=a&sort[]=createdAt&sort[]=desc&limit=10}). Immutable; each
 * method returns a new instance.
 */
public final class ListOptions {
    private final List<Map.Entry<String, String>> parameters;

    private ListOptions(List<Map.Entry<String, String>> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** No filter, server-side default order and limit. */
    public static ListOptions none() {
        return new ListOptions(List.of());
    }

    /** Adds one or more values of an array filter such as {@code ids} or {@code sessionIds}. */
    public ListOptions filter(String name, String... values) {
        List<Map.Entry<String, String>> next = new ArrayList<>(parameters);
        for (String value : values) {
            next.add(Map.entry(name + "[]", value));
        }
        return new ListOptions(next);
    }

    /** Adds a sort key, for example {@code sort("createdAt", true)} for newest first. */
    public ListOptions sort(String field, boolean descending) {
        return filter("sort", field, descending ? "desc" : "asc");
    }

    public ListOptions limit(int limit) {
        return with("limit", Integer.toString(limit));
    }

    public ListOptions offset(int offset) {
        return with("offset", Integer.toString(offset));
    }

    /** Rows created at or after the instant. */
    public ListOptions fromCreatedAt(Instant instant) {
        return with("fromCreatedAt", instant.toString());
    }

    /** Rows created at or before the instant. */
    public ListOptions toCreatedAt(Instant instant) {
        return with("toCreatedAt", instant.toString());
    }

    /** Adds a single-valued parameter as is. */
    public ListOptions with(String name, String value) {
        List<Map.Entry<String, String>> next = new ArrayList<>(parameters);
        next.add(Map.entry(name, value));
        return new ListOptions(next);
    }

    String toQueryString() {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (Map.Entry<String, String> parameter : parameters) {
            if (query.length() > 1) {
                query.append('&');
            }
            // The SDK writes brackets raw; the server accepts them raw or encoded.
            query.append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
