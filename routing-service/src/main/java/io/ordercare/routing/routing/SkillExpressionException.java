package io.ordercare.routing.routing;

/** A skill expression that does not parse; {@link #position()} is the 0-based character where it went wrong. */
public class SkillExpressionException extends RuntimeException {

    private final int position;

    public SkillExpressionException(int position, String message) {
        super(message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
