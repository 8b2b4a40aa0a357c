package io.ordercare.dialog.call.twiml;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the account's auth
 * token, over the full URL the platform requested (query string included) followed by every POST parameter,
 * sorted by name, as name then value with no separators.
 *
 * <p>Like Twilio's own validators, a signature made over the URL with the scheme's default port written out
 * ({@code https://host:443/...}) or left out is accepted either way, since proxies differ in which they pass on.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    /** The signature Twilio sends for a POST of {@code params} to {@code url}. */
    public static String sign(String authToken, String url, Map<String, String> params) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("authToken is required");
        }
        StringBuilder data = new StringBuilder(url);
        // String order of the names (code units), as Twilio sorts them
        new TreeMap<>(params == null ? Map.<String, String>of() : params).forEach((name, value) -> {
            data.append(name);
            if (value != null) {
                data.append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /**
     * Whether {@code signature} is the one Twilio makes for {@code params} posted to {@code url}; false for a
     * missing signature. Compared in constant time.
     */
    public static boolean valid(String authToken, String url, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank() || url == null || authToken == null || authToken.isEmpty()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.UTF_8);
        if (matches(given, sign(authToken, url, params))) {
            return true;
        }
        String other = otherPortForm(url);
        return other != null && matches(given, sign(authToken, other, params));
    }

    private static boolean matches(byte[] given, String expected) {
        return MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The URL with its default port removed if written out, or added if left out; null when not http(s). */
    static String otherPortForm(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        if (defaultPort < 0 || uri.getRawAuthority() == null || uri.getHost() == null) {
            return null;
        }
        String authority = uri.getRawAuthority();
        String replaced;
        if (uri.getPort() == -1) {
            replaced = authority + ":" + defaultPort;
        } else if (uri.getPort() == defaultPort) {
            replaced = authority.substring(0, authority.lastIndexOf(':'));
        } else {
            return null;
        }
        int start = url.indexOf(authority);
        return url.substring(0, start) + replaced + url.substring(start + authority.length());
    }
}
