package io.ordercare.gateway.ingest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Taobao and JD write times as Beijing wall-clock time without an offset: {@code 2026-11-11 00:01:02}. */
final class BeijingTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZONE);

    private BeijingTime() {
    }
}
