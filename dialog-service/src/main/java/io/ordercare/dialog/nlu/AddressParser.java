package io.ordercare.dialog.nlu;

import java.util.Optional;

/**
 * Splits an address into its fields: Chinese (province → city → district → street, municipalities 北京/上海/天津/重庆
 * as both province and city) or Western (line 1, line 2, city, state, postal code, country).
 *
 * <p>Give it the value of an {@code address} entity; a longer text works too (the first address in it is parsed).
 * Returns empty when the text holds no address.
 */
public final class AddressParser {

    private AddressParser() {
    }

    public static Optional<ParsedAddress> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = Texts.fold(text);
        var zh = ChineseAddressReader.findAll(folded);
        var western = WesternAddressReader.findAll(folded);
        if (zh.isEmpty() && western.isEmpty()) {
            return Optional.empty();
        }
        if (western.isEmpty() || !zh.isEmpty() && zh.get(0).start() <= western.get(0).start()) {
            return Optional.of(zh.get(0).toParsed());
        }
        return Optional.of(western.get(0).address());
    }
}
