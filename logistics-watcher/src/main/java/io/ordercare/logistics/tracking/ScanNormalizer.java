package io.ordercare.logistics.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Reads any of the carrier formats the suite knows into {@link CarrierScan}s: by the name the sender gave
 * (CloudEvent type {@code tracking.<format>} or a {@code format} header) or, without one, by its shape.
 */
public class ScanNormalizer {

    private final List<ScanFormat> formats = List.of(new SfExpressFormat(), new CainiaoFormat(), new UpsFormat());

    /**
     * @param formatName {@code sf}, {@code cainiao} or {@code ups}; null to detect
     * @throws InvalidScanException when the payload is of no known format or unusable in its own
     */
    public List<CarrierScan> read(String formatName, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new InvalidScanException("the payload is not a JSON object");
        }
        if (formatName != null && !formatName.isBlank()) {
            String wanted = formatName.strip().toLowerCase(Locale.ROOT);
            return formats.stream().filter(f -> f.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidScanException("unknown scan format: " + formatName))
                    .read(payload);
        }
        return formats.stream().filter(f -> f.recognizes(payload)).findFirst()
                .orElseThrow(() -> new InvalidScanException("not an SF, Cainiao/JD or UPS tracking payload"))
                .read(payload);
    }
}
