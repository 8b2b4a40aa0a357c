package io.ordercare.gateway.anomaly;

import java.util.List;

/** Joins the findings of a rule into one detail line, naming a bounded number so that it stays readable. */
final class DetailList {

    private static final int MAX_NAMED = 5;

    private DetailList() {
    }

    static String join(List<String> findings) {
        if (findings.size() <= MAX_NAMED) {
            return String.join("; ", findings);
        }
        return String.join("; ", findings.subList(0, MAX_NAMED)) + "; and " + (findings.size() - MAX_NAMED) + " more";
    }
}
