package io.ordercare.routing.agent;

import io.ordercare.routing.routing.AgentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A human agent: skills, languages and status. Capacity and load per channel are {@link AgentChannel}
 * rows. {@link #version} guards profile changes.
 */
@Entity
@Table(name = "agents")
public class Agent extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    /** Space-separated, lower case. */
    public String skills;
    /** Space-separated language codes. */
    public String languages;
    @Enumerated(EnumType.STRING)
    public AgentStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public Set<String> skillSet() {
        return words(skills);
    }

    public Set<String> languageSet() {
        return words(languages);
    }

    static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        if (s != null && !s.isBlank()) {
            out.addAll(Arrays.asList(s.strip().split("\\s+")));
        }
        return out;
    }
}
