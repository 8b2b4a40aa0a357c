package io.ordercare.dialog.nlu;

/** Small text helpers shared by the extractors and the feature builder. */
final class Texts {

    private Texts() {
    }

    static boolean isHan(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf');
    }

    /**
     * Folds full-width ASCII (Ｕ+FF01..FF5E) and the ideographic space to their ASCII forms, keeping the length, so
     * that offsets found on the folded text are offsets in the original text ("１２３" and "：" are common in
     * Chinese input methods).
     */
    static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c;
            if (c >= '\uff01' && c <= '\uff5e') {
                f = (char) (c - 0xfee0);
            } else if (c == '\u3000' || c == '\u00a0') {
                f = ' ';
            }
            if (f != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? text : new String(out);
    }

    static String digitsOnly(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
