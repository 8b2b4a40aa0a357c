package io.ordercare.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Progress lines and the plain-text result table. */
final class Bench {

    private Bench() {
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /** Columns of multi-line cells, aligned, separated by " | ". */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final String[] header;

        Table(String... header) {
            this.header = header;
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render() {
            int cols = header.length;
            int[] width = new int[cols];
            List<String[]> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (String[] r : all) {
                for (int c = 0; c < cols; c++) {
                    for (String line : cell(r, c).split("\n", -1)) {
                        width[c] = Math.max(width[c], line.length());
                    }
                }
            }
            StringBuilder sb = new StringBuilder();
            String rule = rule(width);
            sb.append(rule);
            for (int i = 0; i < all.size(); i++) {
                String[] r = all.get(i);
                int height = 1;
                for (int c = 0; c < cols; c++) {
                    height = Math.max(height, cell(r, c).split("\n", -1).length);
                }
                for (int l = 0; l < height; l++) {
                    sb.append('|');
                    for (int c = 0; c < cols; c++) {
                        String[] lines = cell(r, c).split("\n", -1);
                        String text = l < lines.length ? lines[l] : "";
                        sb.append(' ').append(text).append(" ".repeat(width[c] - text.length())).append(" |");
                    }
                    sb.append('\n');
                }
                if (i == 0 || i == all.size() - 1) {
                    sb.append(rule);
                } else {
                    sb.append(rule.replace('=', '-'));
                }
            }
            return sb.toString();
        }

        private static String cell(String[] r, int c) {
            return c < r.length && r[c] != null ? r[c] : "";
        }

        private static String rule(int[] width) {
            StringBuilder sb = new StringBuilder("+");
            for (int w : width) {
                sb.append("=".repeat(w + 2)).append('+');
            }
            return sb.append('\n').toString();
        }
    }
}
