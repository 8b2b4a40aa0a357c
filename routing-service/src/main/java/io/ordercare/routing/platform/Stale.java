package io.ordercare.routing.platform;

import org.hibernate.StaleObjectStateException;

/** Recognises Hibernate's optimistic-lock failure, however wrapped. */
public final class Stale {

    private Stale() {
    }

    public static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StaleObjectStateException || c instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** A unique constraint refused the row (e.g. a concurrent duplicate of an idempotent request). */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
