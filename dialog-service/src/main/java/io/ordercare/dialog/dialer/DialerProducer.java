package io.ordercare.dialog.dialer;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The {@link Dialer} of {@code ordercare.dialog.dialer}: the {@link TelephonySimulator} (default) or Twilio. With
 * twilio, a missing account-sid, auth-token or from stops the start with a message naming them.
 */
@ApplicationScoped
public class DialerProducer {

    private static final Logger LOG = Logger.getLogger(DialerProducer.class);

    @Inject
    DialerConfig config;

    void checkConfiguration(@Observes StartupEvent event) {
        if (config.dialer() == DialerConfig.Kind.TWILIO) {
            LOG.infof("calls are placed through Twilio: %s", TwilioSettings.of(config.twilio()));
        } else {
            LOG.info("calls are placed with the telephony simulator (ordercare.dialog.dialer=simulator)");
        }
    }

    @Produces
    @ApplicationScoped
    Dialer dialer(Vertx vertx, Instance<TelephonySimulator> simulator) {
        return switch (config.dialer()) {
            case SIMULATOR -> new SimulatorDialer(simulator.get());
            case TWILIO -> new TwilioDialer(vertx, TwilioSettings.of(config.twilio()));
        };
    }

    void close(@Disposes Dialer dialer) throws Exception {
        if (dialer instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The simulator; created only when used (the simulator dialer, or a test registering its customers). */
    @Produces
    @Singleton
    TelephonySimulator simulator(Vertx vertx, Clock clock) {
        return new TelephonySimulator(vertx, SimulatorSettings.of(config), clock);
    }

    void close(@Disposes TelephonySimulator simulator) {
        simulator.close();
    }
}
