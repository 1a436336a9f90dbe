package dev.assay.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

final class Paths {

    private Paths() {}

    /** A path segment with every reserved character escaped. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
