package io.ordercare.dialog.dialer;

import io.ordercare.platform.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * How the simulator's default customer behaves (every number not {@link TelephonySimulator#register registered}):
 * shares of calls not answered, busy, answered by a machine or failed (the rest is answered), and of answers
 * mis-recognised, given while the prompt plays (barge-in), correcting a read-back, cancelling or refusing; and the
 * seed of its random numbers. All shares 0: everyone answers and confirms.
 */
public record SimulatorProfile(double noAnswer, double busy, double machine, double failed, double misrecognition,
        double bargeIn, double correction, double cancel, long seed) {

    /** Everyone answers and confirms; seed 42. */
    public static final SimulatorProfile COOPERATIVE = new SimulatorProfile(0, 0, 0, 0, 0, 0, 0, 0, 42);

    /** The profile configured by {@code ordercare.dialog.simulator.*}. */
    public static SimulatorProfile of(DialerConfig.Simulator c) {
        return new SimulatorProfile(c.noAnswerRate(), c.busyRate(), c.machineRate(), c.failedRate(),
                c.misrecognitionRate(), c.bargeInRate(), c.correctionRate(), c.cancelRate(), c.seed());
    }

    /** Every invalid share: each must be 0..1, and the four pickup shares together at most 1. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "noAnswer", noAnswer);
        check(errors, "busy", busy);
        check(errors, "machine", machine);
        check(errors, "failed", failed);
        check(errors, "misrecognition", misrecognition);
        check(errors, "bargeIn", bargeIn);
        check(errors, "correction", correction);
        check(errors, "cancel", cancel);
        if (errors.isEmpty() && noAnswer + busy + machine + failed > 1 + 1e-9) {
            errors.add(new FieldError("noAnswer", "invalid_value",
                    "noAnswer + busy + machine + failed = " + (noAnswer + busy + machine + failed) + " > 1"));
        }
        return errors;
    }

    private static void check(List<FieldError> errors, String field, double share) {
        if (Double.isNaN(share) || share < 0) {
            errors.add(new FieldError(field, "must_not_be_negative", String.valueOf(share)));
        } else if (share > 1) {
            errors.add(new FieldError(field, "invalid_value", String.valueOf(share)));
        }
    }
}
