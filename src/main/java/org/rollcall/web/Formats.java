package org.rollcall.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.rollcall.common.Text;

import io.quarkus.qute.TemplateExtension;

/** How numbers and times read on the pages: {@code {fmt:number(n)}}, {@code {fmt:count(n, 'user')}}, {@code {fmt:time(t)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** {@code {fmt:count(n, 'user')}}: "1 user", "1,050 users". */
    static String count(long value, String noun) {
        return Text.count(value, noun);
    }

    static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }
}
