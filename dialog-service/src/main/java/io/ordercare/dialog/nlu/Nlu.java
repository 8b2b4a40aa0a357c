package io.ordercare.dialog.nlu;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The NLU as a CDI bean: loads the {@link NluEngine} once, at start-up (about 5 s on two cores: two embedding models
 * and the classifiers trained from {@code nlu/train.tsv}), so that {@link #parse} never waits for a load on an I/O
 * thread. {@code parse} is pure CPU work of a few milliseconds and thread-safe.
 */
@Startup
@ApplicationScoped
public class Nlu {

    private NluEngine engine;

    @PostConstruct
    void load() {
        engine = NluEngine.load();
    }

    /** Parses with relative dates resolved against today in Asia/Shanghai. */
    public NluResult parse(String text) {
        return engine.parse(text);
    }

    public NluResult parse(String text, java.time.LocalDate today) {
        return engine.parse(text, today);
    }

    /** True once the engine is loaded (always, after start-up). */
    public boolean ready() {
        return engine != null;
    }
}
