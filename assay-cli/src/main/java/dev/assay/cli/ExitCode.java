package dev.assay.cli;

import dev.assay.client.AssayApiException;

/** The documented exit codes of {@code assay} (docs/cli.md#exit-codes). */
final class ExitCode {
    static final int OK = 0;
    /** The command line or a local input (file, JSON, profile) is wrong; nothing was sent. */
    static final int USAGE = 1;
    /** The server refused the request (400, 405, 413, ...), failed (5xx) or could not be reached. */
    static final int SERVER = 2;
    /** The server answered 404: an unknown id, or one of another organization. */
    static final int NOT_FOUND = 3;
    /** No API key, or the server answered 401 or 403. */
    static final int AUTH = 4;
    /** {@code assay compare --fail-on regressed} found a significant regression. */
    static final int REGRESSION = 10;

    private ExitCode() {}

    static int of(AssayApiException error) {
        return switch (error.status()) {
            case 401, 403 -> AUTH;
            case 404 -> NOT_FOUND;
            default -> SERVER;
        };
    }
}
