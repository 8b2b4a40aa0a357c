package io.ordercare.routing.platform;

/** The step is not possible in the current state (e.g. accepting an offer that already timed out). */
public class StateConflictException extends RuntimeException {

    private final String kind;
    private final String id;
    private final String status;
    private final String action;

    public StateConflictException(String kind, String id, String status, String action) {
        super(kind + " " + id + " is " + status + ": " + action + " is not possible");
        this.kind = kind;
        this.id = id;
        this.status = status;
        this.action = action;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public String action() {
        return action;
    }
}
