package io.ordercare.dialog.nlu;

import java.util.List;

/**
 * What the NLU understood of one utterance.
 *
 * @param intent     one of {@link Intents#ALL}; {@code unknown} when the classifier is not confident enough
 * @param confidence calibrated probability of {@code intent} (for {@code unknown}: the probability that the text is
 *                   none of the known intents, i.e. 1 - the best known intent's probability)
 * @param lang       {@code zh} or {@code en}
 * @param entities   entities in text order, non-overlapping
 * @param sentiment  -1 (angry) .. 1 (happy), 0 neutral
 */
public record NluResult(String intent, double confidence, String lang, List<Entity> entities, double sentiment) {

    public NluResult {
        entities = List.copyOf(entities);
    }
}
