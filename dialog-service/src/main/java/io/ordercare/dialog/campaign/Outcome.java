package io.ordercare.dialog.campaign;

/** How a contact ended; stored by name in {@code call_task.outcome}. */
public enum Outcome {
    /** The customer confirmed the order as it was. */
    CONFIRMED,
    /** Confirmed after the customer corrected the address (or phone). */
    ADDRESS_CHANGED,
    /** Confirmed after the customer corrected an item's quantity, size or colour. */
    ITEMS_CHANGED,
    /** Cancelled at the customer's request. */
    CANCELLED,
    /** Every attempt went unanswered: flagged on the order for the other channels. */
    UNREACHABLE,
    /** The person who answered is not the customer. */
    WRONG_NUMBER,
    /** A person took over. */
    HANDED_OFF,
    /** The number is on the do-not-call list, or the customer asked not to be called again. */
    DO_NOT_CALL,
    /** The customer waits for the restock. */
    WAITING,
    /** The customer took a substitute; the order was changed and confirmed. */
    SUBSTITUTED,
    /** The customer agreed to the corrected price; the price was adjusted and the order confirmed. */
    PRICE_ACCEPTED,
    /** The customer refused the corrected price: handed to a person. */
    PRICE_REFUSED,
    /** The customer was told (a message, or a call heard to the end). */
    NOTIFIED,
    /** The customer asked for a claim or a new delivery attempt: passed to a person. */
    FOLLOW_UP_REQUESTED,
    /** The survey was answered. */
    SURVEYED,
    /** The customer did not want to answer the survey. */
    DECLINED,
    /** Nothing to do any more when the contact came due (the order moved on, or the campaign was cancelled). */
    SKIPPED
}
