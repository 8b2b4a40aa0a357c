package io.ordercare.routing.platform;

/** The caller acted on a version that is no longer the current one (or someone else changed it meanwhile). */
public class VersionConflictException extends RuntimeException {

    private final String kind;
    private final String id;
    private final long expected;

    public VersionConflictException(String kind, String id, long expected) {
        super(kind + " " + id + " was changed meanwhile (request based on version " + expected + ")");
        this.kind = kind;
        this.id = id;
        this.expected = expected;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public long expected() {
        return expected;
    }
}
