package dev.assay.common;

/** A resource that does not exist, is soft-deleted, or belongs to another organization. */
public class NotFoundException extends AssayException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, String message) {
        super(code, message);
    }
}
