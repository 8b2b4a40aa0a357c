package io.ordercare.gateway.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every sentence a caller sees, in English and Chinese; the caller's Accept-Language picks one. */
@ApplicationScoped
public class Messages {

    public static final Locale ZH = Locale.CHINESE;

    /** Chinese when the caller prefers it, English otherwise. */
    public Locale pick(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if ("zh".equals(l.getLanguage())) {
                return ZH;
            }
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.problems",
                ZH.getLanguage().equals(locale.getLanguage()) ? ZH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
