package io.ordercare.dialog.dialer;

import io.smallrye.mutiny.Uni;

/** The default dialer: calls go to the {@link TelephonySimulator}, no telephony platform involved. */
public final class SimulatorDialer implements Dialer {

    private final TelephonySimulator simulator;

    public SimulatorDialer(TelephonySimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Uni<String> place(CallRequest request) {
        return simulator.place(request);
    }
}
