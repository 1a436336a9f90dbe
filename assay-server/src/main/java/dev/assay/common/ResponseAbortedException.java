package dev.assay.common;

/**
 * A response failed after its status line and part of its body were sent. No error body can
 * follow any more: the exception travels past every error handler to the servlet container,
 * which closes the connection without ending the body, so the client sees an incomplete response
 * instead of a complete-looking one.
 */
public final class ResponseAbortedException extends RuntimeException {

    public ResponseAbortedException(Throwable cause) {
        super("Response aborted after it was committed", cause);
    }
}
