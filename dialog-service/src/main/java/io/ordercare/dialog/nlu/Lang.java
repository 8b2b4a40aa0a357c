package io.ordercare.dialog.nlu;

/**
 * Language of an utterance: Chinese when Han characters dominate, else English.
 *
 * <p>A Han character carries about as much as a short English word, so Han characters are weighed against Latin
 * words (not letters): "我要退货 order 12345" is Chinese, "can I change 地址" is English. Text with neither (digits,
 * emoji, punctuation) is Chinese, the shop's main language; the conversation engine may keep the conversation's
 * language for such turns.
 */
public enum Lang {
    ZH("zh"), EN("en");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Lang detect(CharSequence text) {
        int han = 0;
        int latinWords = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Texts.isHan(c)) {
                han++;
                inWord = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                if (!inWord) {
                    latinWords++;
                }
                inWord = true;
            } else if (c != '\'') {
                inWord = false;
            }
        }
        if (han == 0 && latinWords == 0) {
            return ZH;
        }
        return han >= latinWords ? ZH : EN;
    }
}
