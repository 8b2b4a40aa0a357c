package io.ordercare.routing.routing;

import java.util.Set;

/**
 * What an agent must have to take a handoff in a queue: the queue's expression, the caller's own
 * expression and, unless the queue relaxes it, the customer's language.
 */
public record Requirement(SkillExpression expression, String language) {

    public static Requirement of(SkillExpression queueExpression, SkillExpression handoffExpression, String language,
            boolean languageRequired) {
        return new Requirement(queueExpression.and(handoffExpression), languageRequired ? language : null);
    }

    public boolean test(Set<String> skills, Set<String> languages) {
        return (language == null || languages.contains(language)) && expression.test(skills, languages);
    }
}
