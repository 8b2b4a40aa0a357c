package io.ordercare.dialog.platform;

/** Something named by id does not exist; {@code code} is the problem type (e.g. conversation-not-found). */
public final class NotFoundException extends RuntimeException {

    private final String code;
    private final String id;

    public NotFoundException(String code, String id) {
        super(code + " " + id, null, false, false);
        this.code = code;
        this.id = id;
    }

    public String code() {
        return code;
    }

    public String id() {
        return id;
    }
}
