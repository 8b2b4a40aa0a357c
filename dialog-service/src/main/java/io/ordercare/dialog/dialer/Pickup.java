package io.ordercare.dialog.dialer;

/** How a simulated customer's phone reacts to one call. */
public enum Pickup {
    /** A person answers. */
    ANSWER,
    /** It rings out. */
    NO_ANSWER,
    /** The line is busy. */
    BUSY,
    /** The network fails the call. */
    FAILED,
    /** A voicemail machine answers (after the beep). */
    MACHINE
}
