package io.ordercare.dialog.nlu;

import java.util.List;

/** Address entities: the spans found by the Chinese and the Western readers; the value is the span's text. */
final class AddressRules {

    private AddressRules() {
    }

    static void find(String text, List<Candidate> out) {
        for (ChineseAddressReader.Found f : ChineseAddressReader.findAll(text)) {
            Candidate.add(out, EntityTypes.ADDRESS, text.substring(f.start(), f.end()), f.start(), f.end(), Candidate.ADDRESS);
        }
        for (WesternAddressReader.Found f : WesternAddressReader.findAll(text)) {
            Candidate.add(out, EntityTypes.ADDRESS, text.substring(f.start(), f.end()), f.start(), f.end(), Candidate.ADDRESS);
        }
    }
}
