package io.ordercare.dialog.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The dialog flows, read from {@code flows/*.yaml} on the class path (listed in {@code flows/index.yaml}) at start.
 * A flow file that does not parse, names no action or claims an intent another flow claims stops the
 * start: a broken flow must not reach customers.
 */
@ApplicationScoped
public class FlowCatalog {

    private static final Logger LOG = Logger.getLogger(FlowCatalog.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Map<String, Flow> byId = new LinkedHashMap<>();
    private final Map<String, Flow> byIntent = new LinkedHashMap<>();

    record Index(List<String> flows) {
    }

    @PostConstruct
    void load() {
        for (Flow f : read()) {
            byId.put(f.id(), f);
            for (String intent : f.intents()) {
                Flow before = byIntent.putIfAbsent(intent, f);
                if (before != null) {
                    throw new IllegalStateException("intent " + intent + " is claimed by flows " + before.id()
                            + " and " + f.id());
                }
            }
        }
        LOG.infof("%d dialog flows: %s", byId.size(), byId.values().stream().map(f -> f.id() + " v" + f.version()).toList());
    }

    /** Every flow of the class path, validated. */
    public static List<Flow> read() {
        List<Flow> flows = new ArrayList<>();
        for (String name : resource("flows/index.yaml", Index.class).flows()) {
            Flow f = resource("flows/" + name + ".yaml", Flow.class);
            if (!name.equals(f.id())) {
                throw new IllegalStateException("flows/" + name + ".yaml has id " + f.id());
            }
            if (f.action() == null || f.action().isBlank()) {
                throw new IllegalStateException("flow " + f.id() + " has no action");
            }
            if (f.intents() == null || f.intents().isEmpty()) {
                throw new IllegalStateException("flow " + f.id() + " has no intents");
            }
            flows.add(f);
        }
        return flows;
    }

    private static <T> T resource(String path, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public Optional<Flow> forIntent(String intent) {
        return Optional.ofNullable(byIntent.get(intent));
    }

    public Optional<Flow> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Collection<Flow> all() {
        return byId.values();
    }
}
