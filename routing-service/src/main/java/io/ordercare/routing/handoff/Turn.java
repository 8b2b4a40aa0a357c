package io.ordercare.routing.handoff;

import java.time.Instant;

/** One turn of the conversation before the handoff: who spoke ({@code customer}, {@code bot} or {@code agent}), what, when. */
public record Turn(String speaker, String text, Instant at) {
}
