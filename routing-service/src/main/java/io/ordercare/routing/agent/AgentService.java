package io.ordercare.routing.agent;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.routing.assignment.Assignment;
import io.ordercare.routing.assignment.AssignmentStatus;
import io.ordercare.routing.assignment.AssignmentView;
import io.ordercare.routing.assignment.Dispatcher;
import io.ordercare.routing.handoff.HandoffService;
import io.ordercare.routing.handoff.HandoffView;
import io.ordercare.routing.platform.NotFoundException;
import io.ordercare.routing.platform.Stale;
import io.ordercare.routing.platform.VersionConflictException;
import io.ordercare.routing.routing.AgentStatus;
import io.ordercare.routing.routing.Channel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Agents: their profile (skills, languages), capacity per channel and status. After every change the
 * router is told at once and, when the agent can take more, fills its free slots from the waiting handoffs.
 */
@ApplicationScoped
public class AgentService {

    static final int MAX_CAPACITY = 50;
    private static final Pattern SKILL = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Set<String> LANGUAGES = Set.of("zh", "en");

    @Inject
    Clock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    HandoffService handoffs;

    /** What validation made of a request. */
    private record Profile(String name, Set<String> skills, Set<String> languages, Map<Channel, Integer> capacity,
            AgentStatus status) {
    }

    /** One item of an agent's queue: an offered or accepted assignment with the handoff's full context. */
    public record QueueItem(AssignmentView assignment, HandoffView handoff) {
    }

    public Uni<AgentView> create(AgentRequest r) {
        return dispatcher.ready().chain(() -> {
            Profile p = validate(r, true);
            Instant now = clock.instant();
            Agent a = new Agent();
            a.id = UUID.randomUUID().toString();
            a.createdAt = now;
            apply(a, p, now);
            List<AgentChannel> channels = new ArrayList<>();
            p.capacity().forEach((c, n) -> {
                AgentChannel ch = new AgentChannel();
                ch.agentId = a.id;
                ch.channel = c;
                ch.capacity = n;
                channels.add(ch);
            });
            return Panache.withTransaction(() -> a.persist().chain(() -> AgentChannel.persist(channels))
                    .chain(() -> Panache.flush())).replaceWith(a.id);
        }).chain(this::afterChange);
    }

    /** Replaces the profile and capacity; capacity cannot go below the agent's current load on a channel. */
    public Uni<AgentView> update(String id, AgentRequest r) {
        return dispatcher.ready().chain(() -> {
            Profile p = validate(r, false);
            if (r.expectedVersion() == null) {
                throw InvalidRequestException.of("expectedVersion", "required");
            }
            return Panache.withTransaction(() -> load(id).chain(a -> {
                if (a.version != r.expectedVersion()) {
                    return Uni.createFrom().failure(new VersionConflictException("agent", id, r.expectedVersion()));
                }
                return AgentChannel.<AgentChannel>list("agentId", id).chain(existing -> {
                    List<FieldError> errors = new ArrayList<>();
                    Map<Channel, AgentChannel> byChannel = new EnumMap<>(Channel.class);
                    existing.forEach(c -> byChannel.put(c.channel, c));
                    List<AgentChannel> added = new ArrayList<>();
                    for (Channel c : Channel.values()) {
                        int wanted = p.capacity().getOrDefault(c, 0);
                        AgentChannel ch = byChannel.get(c);
                        if (ch == null) {
                            if (wanted > 0) {
                                ch = new AgentChannel();
                                ch.agentId = id;
                                ch.channel = c;
                                ch.capacity = wanted;
                                added.add(ch);
                            }
                        } else if (wanted < ch.active) {
                            errors.add(new FieldError("capacity." + c.name(), "below_active_load", String.valueOf(wanted)));
                        } else {
                            ch.capacity = wanted;
                        }
                    }
                    if (!errors.isEmpty()) {
                        return Uni.createFrom().failure(new InvalidRequestException(errors));
                    }
                    apply(a, p, clock.instant());
                    return AgentChannel.persist(added).chain(() -> Panache.flush());
                });
            })).onFailure(Stale::is).transform(e -> new VersionConflictException("agent", id, r.expectedVersion()))
                    .replaceWith(id);
        }).chain(this::afterChange);
    }

    public Uni<AgentView> changeStatus(String id, String status, Long expectedVersion) {
        AgentStatus s = status(status);
        return dispatcher.ready().chain(() -> Panache.withTransaction(() -> load(id).chain(a -> {
            if (expectedVersion != null && a.version != expectedVersion) {
                return Uni.createFrom().failure(new VersionConflictException("agent", id, expectedVersion));
            }
            a.status = s;
            a.updatedAt = clock.instant();
            return Panache.flush();
        })).onFailure(Stale::is).transform(e -> new VersionConflictException("agent", id,
                expectedVersion == null ? -1 : expectedVersion)).replaceWith(id)).chain(this::afterChange);
    }

    public Uni<AgentView> get(String id) {
        return Panache.withSession(() -> load(id).chain(a -> AgentChannel.<AgentChannel>list("agentId", id)
                .map(chs -> view(a, chs))));
    }

    public Uni<List<AgentView>> list() {
        return Panache.withSession(() -> Agent.<Agent>list("order by createdAt")
                .chain(agents -> AgentChannel.<AgentChannel>listAll().map(chs -> {
                    Map<String, List<AgentChannel>> byAgent = new HashMap<>();
                    chs.forEach(c -> byAgent.computeIfAbsent(c.agentId, k -> new ArrayList<>()).add(c));
                    return agents.stream().map(a -> view(a, byAgent.getOrDefault(a.id, List.of()))).toList();
                })));
    }

    /** The agent's offered and accepted assignments, oldest first, each with the handoff's full context. */
    public Uni<List<QueueItem>> queue(String id) {
        return Panache.withSession(() -> load(id).chain(a -> Assignment.<Assignment>list(
                "agentId = ?1 and status in ?2 order by offeredAt", id,
                List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED))))
                .chain(assignments -> {
                    Uni<List<QueueItem>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (Assignment a : assignments) {
                        chain = chain.chain(items -> handoffs.get(a.handoffId).map(h -> {
                            items.add(new QueueItem(AssignmentView.of(a), h));
                            return items;
                        }));
                    }
                    return chain;
                });
    }

    /** Tells the router (profile, status, capacity), fills the agent's free slots, returns the agent as stored. */
    private Uni<AgentView> afterChange(String id) {
        return Panache.withSession(() -> load(id).chain(a -> AgentChannel.<AgentChannel>list("agentId", id)
                .invoke(chs -> dispatcher.router().putProfile(Dispatcher.snapshot(a, chs)))))
                .chain(() -> dispatcher.dispatchAgent(id))
                .chain(() -> get(id));
    }

    private static Uni<Agent> load(String id) {
        return Agent.<Agent>findById(id).onItem().ifNull().failWith(() -> new NotFoundException("agent", id));
    }

    private static void apply(Agent a, Profile p, Instant now) {
        a.name = p.name();
        a.skills = String.join(" ", p.skills());
        a.languages = String.join(" ", p.languages());
        a.status = p.status();
        a.updatedAt = now;
    }

    static AgentView view(Agent a, List<AgentChannel> channels) {
        Map<String, Integer> capacity = new LinkedHashMap<>();
        Map<String, Integer> active = new LinkedHashMap<>();
        channels.stream().sorted((x, y) -> x.channel.compareTo(y.channel)).forEach(c -> {
            capacity.put(c.channel.name(), c.capacity);
            active.put(c.channel.name(), c.active);
        });
        return new AgentView(a.id, a.name, List.copyOf(a.skillSet()), List.copyOf(a.languageSet()), a.status.name(),
                capacity, active, a.createdAt, a.updatedAt, a.version);
    }

    private static Profile validate(AgentRequest r, boolean creating) {
        if (r == null) {
            throw InvalidRequestException.of("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = r.name() == null ? null : r.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "required", null));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "too_long", null));
        }
        Set<String> skills = new LinkedHashSet<>();
        if (r.skills() != null) {
            for (int i = 0; i < r.skills().size(); i++) {
                String s = r.skills().get(i) == null ? "" : r.skills().get(i).strip().toLowerCase(Locale.ROOT)
                        .replace('-', '_').replace(' ', '_');
                if (!SKILL.matcher(s).matches()) {
                    errors.add(new FieldError("skills[" + i + "]", "invalid_skill", r.skills().get(i)));
                } else {
                    skills.add(s);
                }
            }
        }
        Set<String> languages = new LinkedHashSet<>();
        if (r.languages() != null) {
            for (int i = 0; i < r.languages().size(); i++) {
                String l = r.languages().get(i) == null ? "" : r.languages().get(i).strip().toLowerCase(Locale.ROOT);
                if (!LANGUAGES.contains(l)) {
                    errors.add(new FieldError("languages[" + i + "]", "invalid_language", r.languages().get(i)));
                } else {
                    languages.add(l);
                }
            }
        }
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        if (r.capacity() == null || r.capacity().isEmpty()) {
            errors.add(new FieldError("capacity", "required", null));
        } else {
            r.capacity().forEach((k, v) -> {
                Channel c = Channel.parse(k).orElse(null);
                if (c == null) {
                    errors.add(new FieldError("capacity." + k, "invalid_channel", k));
                } else if (v == null || v < 0 || v > MAX_CAPACITY) {
                    errors.add(new FieldError("capacity." + k, "invalid_capacity", String.valueOf(v)));
                } else {
                    capacity.put(c, v);
                }
            });
        }
        AgentStatus status = AgentStatus.AVAILABLE;
        if (r.status() != null && !r.status().isBlank()) {
            status = parseStatus(r.status());
            if (status == null) {
                errors.add(new FieldError("status", "invalid_status", r.status()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Profile(name, skills, languages, capacity, status);
    }

    private static AgentStatus status(String s) {
        if (s == null || s.isBlank()) {
            throw InvalidRequestException.of("status", "required");
        }
        AgentStatus st = parseStatus(s);
        if (st == null) {
            throw new InvalidRequestException(List.of(new FieldError("status", "invalid_status", s)));
        }
        return st;
    }

    private static AgentStatus parseStatus(String s) {
        try {
            return AgentStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
