package io.ordercare.routing.agent;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's profile as the desk sends it (create, or replace with {@code expectedVersion}). */
public record AgentRequest(
        @Schema(description = "Required on update: the version read") Long expectedVersion,
        @Schema(description = "Display name", example = "Li Na") String name,
        @Schema(description = "Skills, lower case: returns, payments, logistics, fresh_food, large_appliances, vip ...",
                example = "[\"returns\", \"vip\"]") List<String> skills,
        @Schema(description = "zh and/or en", example = "[\"zh\", \"en\"]") List<String> languages,
        @Schema(description = "Concurrent conversations per channel (CHAT, APP, SOCIAL, VOICE); a missing channel is not served",
                example = "{\"CHAT\": 3, \"VOICE\": 1}") Map<String, Integer> capacity,
        @Schema(description = "AVAILABLE (default), BUSY or AWAY") String status) {
}
