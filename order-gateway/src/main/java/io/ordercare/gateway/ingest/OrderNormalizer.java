package io.ordercare.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Turns a raw platform order into the canonical {@link IncomingOrder}: picks the platform's format, by the caller's
 * hint or else by the payload's shape, and has it map and check the payload.
 *
 * <p>Mapping and checking are one pass inside the format, not two: the canonical order holds quantities and
 * amounts as primitives, so an unreadable value cannot be carried to a later check, and only the format knows the
 * raw path to name in a violation.
 */
public final class OrderNormalizer {

    private static final String WHOLE_PAYLOAD = "$";
    private static final String HINT_FIELD = "platform";

    private final List<PlatformFormat> formats;

    public OrderNormalizer() {
        this(List.of(new ShopifyFormat(), new TaobaoFormat(), new JdFormat()));
    }

    public OrderNormalizer(List<PlatformFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /**
     * @param platformHint {@code shopify}, {@code taobao} or {@code jd} in any case, when the caller knows where the
     *                     order comes from (webhook path, message type); null or blank to detect it
     * @throws InvalidOrderException listing every problem of the payload, or {@code unknown_format} when the hint
     *                               names no known platform or no format recognizes the payload
     */
    public IncomingOrder normalize(String platformHint, JsonNode raw) {
        if (raw == null || !raw.isObject()) {
            throw unknownFormat(WHOLE_PAYLOAD, null);
        }
        return formatFor(platformHint, raw).normalize(raw);
    }

    private PlatformFormat formatFor(String platformHint, JsonNode raw) {
        if (platformHint != null && !platformHint.isBlank()) {
            String hint = platformHint.strip();
            return formats.stream()
                    .filter(f -> f.platform().equalsIgnoreCase(hint))
                    .findFirst()
                    .orElseThrow(() -> unknownFormat(HINT_FIELD, hint));
        }
        List<PlatformFormat> recognizing = formats.stream().filter(f -> f.recognizes(raw)).toList();
        if (recognizing.size() != 1) {
            throw unknownFormat(WHOLE_PAYLOAD, null);
        }
        return recognizing.get(0);
    }

    private static InvalidOrderException unknownFormat(String field, String rejectedValue) {
        FieldViolation violation = new FieldViolation(field, ViolationCode.UNKNOWN_FORMAT, rejectedValue);
        return new InvalidOrderException(List.of(violation));
    }
}
