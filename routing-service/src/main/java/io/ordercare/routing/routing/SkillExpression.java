package io.ordercare.routing.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A requirement on an agent, e.g. {@code skills HAS 'returns' AND languages HAS 'zh'}. Grammar
 * (keywords case-insensitive, values lower-cased):
 *
 * <pre>
 * expression := or
 * or         := and ( OR and )*
 * and        := unary ( AND unary )*
 * unary      := NOT unary | primary
 * primary    := '(' expression ')' | TRUE | attribute HAS '&lt;value&gt;'
 * attribute  := skills | languages
 * </pre>
 *
 * Parsed once into a tree; evaluation is a few set look-ups, cheap enough to run against every agent
 * of a large roster for one routing decision.
 */
public abstract sealed class SkillExpression {

    /** Matches every agent. */
    public static final SkillExpression ANY = new Always();

    private SkillExpression() {
    }

    public abstract boolean test(Set<String> skills, Set<String> languages);

    public static SkillExpression parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        Parser p = new Parser(tokenize(text));
        SkillExpression e = p.or();
        if (!p.atEnd()) {
            throw new SkillExpressionException(p.peek().position(), "unexpected '" + p.peek().text() + "'");
        }
        return e;
    }

    public static SkillExpression has(Attribute attribute, String value) {
        return new Has(attribute, value.toLowerCase(Locale.ROOT));
    }

    public SkillExpression and(SkillExpression other) {
        if (this == ANY) {
            return other;
        }
        return other == ANY ? this : new And(this, other);
    }

    public enum Attribute {
        SKILLS, LANGUAGES
    }

    private static final class Always extends SkillExpression {
        @Override
        public boolean test(Set<String> skills, Set<String> languages) {
            return true;
        }

        @Override
        public String toString() {
            return "TRUE";
        }
    }

    private static final class Has extends SkillExpression {
        private final Attribute attribute;
        private final String value;

        Has(Attribute attribute, String value) {
            this.attribute = attribute;
            this.value = value;
        }

        @Override
        public boolean test(Set<String> skills, Set<String> languages) {
            return (attribute == Attribute.SKILLS ? skills : languages).contains(value);
        }

        @Override
        public String toString() {
            return attribute.name().toLowerCase(Locale.ROOT) + " HAS '" + value + "'";
        }
    }

    private static final class And extends SkillExpression {
        private final SkillExpression left;
        private final SkillExpression right;

        And(SkillExpression left, SkillExpression right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Set<String> skills, Set<String> languages) {
            return left.test(skills, languages) && right.test(skills, languages);
        }

        @Override
        public String toString() {
            return "(" + left + " AND " + right + ")";
        }
    }

    private static final class Or extends SkillExpression {
        private final SkillExpression left;
        private final SkillExpression right;

        Or(SkillExpression left, SkillExpression right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Set<String> skills, Set<String> languages) {
            return left.test(skills, languages) || right.test(skills, languages);
        }

        @Override
        public String toString() {
            return "(" + left + " OR " + right + ")";
        }
    }

    private static final class Not extends SkillExpression {
        private final SkillExpression inner;

        Not(SkillExpression inner) {
            this.inner = inner;
        }

        @Override
        public boolean test(Set<String> skills, Set<String> languages) {
            return !inner.test(skills, languages);
        }

        @Override
        public String toString() {
            return "NOT " + inner;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private enum Kind {
        WORD, STRING, OPEN, CLOSE
    }

    private record Token(Kind kind, String text, int position) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new SkillExpressionException(i, "unterminated string");
                }
                String value = s.substring(i + 1, end).strip();
                if (value.isEmpty()) {
                    throw new SkillExpressionException(i, "empty value");
                }
                tokens.add(new Token(Kind.STRING, value, i));
                i = end + 1;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else {
                throw new SkillExpressionException(i, "unexpected character '" + c + "'");
            }
        }
        return tokens;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return next >= tokens.size();
        }

        Token peek() {
            return tokens.get(next);
        }

        private int endPosition() {
            if (tokens.isEmpty()) {
                return 0;
            }
            Token last = tokens.get(tokens.size() - 1);
            return last.position() + last.text().length();
        }

        private Token expect(String what) {
            if (atEnd()) {
                throw new SkillExpressionException(endPosition(), "expected " + what + " but the expression ended");
            }
            return tokens.get(next++);
        }

        SkillExpression or() {
            SkillExpression left = and();
            while (!atEnd() && peek().isWord("OR")) {
                next++;
                left = new Or(left, and());
            }
            return left;
        }

        SkillExpression and() {
            SkillExpression left = unary();
            while (!atEnd() && peek().isWord("AND")) {
                next++;
                left = new And(left, unary());
            }
            return left;
        }

        SkillExpression unary() {
            if (!atEnd() && peek().isWord("NOT")) {
                next++;
                return new Not(unary());
            }
            return primary();
        }

        SkillExpression primary() {
            Token t = expect("a condition");
            if (t.kind() == Kind.OPEN) {
                SkillExpression inner = or();
                Token close = expect("')'");
                if (close.kind() != Kind.CLOSE) {
                    throw new SkillExpressionException(close.position(), "expected ')'");
                }
                return inner;
            }
            if (t.isWord("TRUE")) {
                return ANY;
            }
            Attribute attribute;
            if (t.isWord("skills")) {
                attribute = Attribute.SKILLS;
            } else if (t.isWord("languages")) {
                attribute = Attribute.LANGUAGES;
            } else {
                throw new SkillExpressionException(t.position(), "expected skills, languages, NOT, TRUE or '(' but found '"
                        + t.text() + "'");
            }
            Token has = expect("HAS");
            if (!has.isWord("HAS")) {
                throw new SkillExpressionException(has.position(), "expected HAS");
            }
            Token value = expect("a quoted value");
            if (value.kind() != Kind.STRING) {
                throw new SkillExpressionException(value.position(), "expected a quoted value such as 'returns'");
            }
            return has(attribute, value.text());
        }
    }
}
