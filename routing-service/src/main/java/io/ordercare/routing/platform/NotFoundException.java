package io.ordercare.routing.platform;

/** No agent, handoff, assignment or queue with that id. */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + " not found: " + id);
        this.kind = kind;
        this.id = id;
    }

    /** agent, handoff, assignment or queue */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
