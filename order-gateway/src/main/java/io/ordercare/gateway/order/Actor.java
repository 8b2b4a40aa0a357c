package io.ordercare.gateway.order;

/** Who asks for a change and why; both go to the audit log. */
public record Actor(String name, String reason) {

    public Actor {
        name = name == null || name.isBlank() ? "api" : name;
    }

    public static Actor system(String name, String reason) {
        return new Actor(name, reason);
    }
}
