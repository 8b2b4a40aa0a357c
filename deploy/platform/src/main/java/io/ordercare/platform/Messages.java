package io.ordercare.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every sentence a caller sees, in English and Chinese; the caller's Accept-Language picks one. A
 * service's own sentences are in its {@code i18n/problems[_zh].properties}; the ones every service
 * shares (invalid request, malformed JSON, internal error, field messages) are in this module's
 * {@code i18n/platform[_zh].properties}.
 */
@ApplicationScoped
public class Messages {

    public static final Locale ZH = Locale.CHINESE;
    private static final String[] BUNDLES = { "i18n.problems", "i18n.platform" };

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

    /** Chinese for a {@code zh*} language tag, English otherwise (for callers that name a language, e.g. gRPC). */
    public Locale forTag(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : Locale.ENGLISH;
    }

    public String get(Locale locale, String key, Object... args) {
        return find(BUNDLES, locale, key, args);
    }

    /**
     * A sentence of one of the service's own bundles ({@code i18n/<bundle>[_zh].properties}), e.g. the texts its
     * events carry for customers and agents.
     */
    public String text(String bundle, Locale locale, String key, Object... args) {
        return find(new String[] { "i18n." + bundle }, locale, key, args);
    }

    private String find(String[] bundles, Locale locale, String key, Object... args) {
        Locale bundleLocale = ZH.getLanguage().equals(locale.getLanguage()) ? ZH : Locale.ROOT;
        for (String name : bundles) {
            Optional<ResourceBundle> bundle = BUNDLE_CACHE.computeIfAbsent(name + "_" + bundleLocale, k -> load(name,
                    bundleLocale));
            if (bundle.isPresent() && bundle.get().containsKey(key)) {
                String pattern = bundle.get().getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }
        }
        return key;
    }

    /** Bundles are looked up once: some sentences are written for every event of a busy stream. */
    private static final Map<String, Optional<ResourceBundle>> BUNDLE_CACHE = new ConcurrentHashMap<>();

    private static Optional<ResourceBundle> load(String name, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(name, locale, Thread.currentThread().getContextClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        } catch (MissingResourceException e) {
            return Optional.empty(); // a service without sentences of its own
        }
    }
}
