package dev.assay.common;

/** Stable error codes of the API, each with the HTTP status it answers with. */
public enum ErrorCode {
    INVALID_REQUEST(400), MALFORMED_JSON(400), JSON_LIMIT_EXCEEDED(400), DUPLICATE_NAME(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(
            404), ORGANIZATION_NOT_FOUND(404), API_KEY_NOT_FOUND(404), PRODUCT_NOT_FOUND(404), VERSION_NOT_FOUND(404), TEST_NOT_FOUND(
                    404), TEST_CASE_NOT_FOUND(404), SESSION_NOT_FOUND(404), INFERENCE_RESULT_NOT_FOUND(404), EVALUATION_NOT_FOUND(
                            404), METRIC_NOT_FOUND(404), SPECIFICATION_NOT_FOUND(404), SPAN_NOT_FOUND(
                                    404), METHOD_NOT_ALLOWED(405), NOT_ACCEPTABLE(
                                            406), PAYLOAD_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), INTERNAL_ERROR(500), OVERLOADED(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The generic code of an HTTP error status raised outside our own code (container, framework). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
