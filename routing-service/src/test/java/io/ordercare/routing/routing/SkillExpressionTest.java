package io.ordercare.routing.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillExpressionTest {

    private static boolean matches(String expression, Set<String> skills, Set<String> languages) {
        return SkillExpression.parse(expression).test(skills, languages);
    }

    @Test
    void hasMatchesSkillsAndLanguages() {
        assertThat(matches("skills HAS 'returns' AND languages HAS 'zh'", Set.of("returns"), Set.of("zh"))).isTrue();
        assertThat(matches("skills HAS 'returns' AND languages HAS 'zh'", Set.of("returns"), Set.of("en"))).isFalse();
        assertThat(matches("skills HAS 'returns' AND languages HAS 'zh'", Set.of("payments"), Set.of("zh"))).isFalse();
    }

    @Test
    void orNotAndParenthesesCombineWithAndBindingTighterThanOr() {
        String e = "skills HAS 'vip' OR skills HAS 'payments' AND NOT skills HAS 'trainee'";
        assertThat(matches(e, Set.of("vip", "trainee"), Set.of())).isTrue();
        assertThat(matches(e, Set.of("payments", "trainee"), Set.of())).isFalse();
        assertThat(matches("(skills HAS 'vip' OR skills HAS 'payments') AND NOT skills HAS 'trainee'",
                Set.of("vip", "trainee"), Set.of())).isFalse();
        assertThat(matches("NOT NOT skills HAS 'vip'", Set.of("vip"), Set.of())).isTrue();
    }

    @Test
    void keywordsAreCaseInsensitiveAndValuesLowerCased() {
        assertThat(matches("Skills has \"Fresh_Food\" and LANGUAGES HAS 'ZH'", Set.of("fresh_food"), Set.of("zh"))).isTrue();
    }

    @Test
    void blankAndTrueMatchEveryone() {
        assertThat(matches("", Set.of(), Set.of())).isTrue();
        assertThat(matches("TRUE", Set.of(), Set.of())).isTrue();
        assertThat(SkillExpression.parse(null)).isSameAs(SkillExpression.ANY);
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertThatThrownBy(() -> SkillExpression.parse("skills HAS 'returns' AND"))
                .isInstanceOf(SkillExpressionException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> SkillExpression.parse("skills CONTAINS 'x'"))
                .isInstanceOfSatisfying(SkillExpressionException.class, e -> assertThat(e.position()).isEqualTo(7))
                .hasMessageContaining("expected HAS");
        assertThatThrownBy(() -> SkillExpression.parse("(skills HAS 'x'")).hasMessageContaining("')'");
        assertThatThrownBy(() -> SkillExpression.parse("skills HAS 'x")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SkillExpression.parse("skills HAS 'x' skills HAS 'y'")).hasMessageContaining("unexpected");
        assertThatThrownBy(() -> SkillExpression.parse("team HAS 'x'")).hasMessageContaining("expected skills, languages");
        assertThatThrownBy(() -> SkillExpression.parse("skills HAS x")).hasMessageContaining("quoted value");
        assertThatThrownBy(() -> SkillExpression.parse("skills HAS 'x' & 1")).hasMessageContaining("unexpected character");
    }
}
